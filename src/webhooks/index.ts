export { verifyWebhook } from "./verify.js";
export type { VerifyWebhookOptions, WebhookInput } from "./verify.js";
export { signWebhook } from "./sign.js";
export { WebhookVerificationError } from "./errors.js";
export type { WebhookEventIssue, WebhookVerificationReason } from "./errors.js";
export type { WebhookEvent } from "./event.js";
export type { WebhookHeaders } from "./headers.js";
export type { WebhookBody } from "./body.js";
