export { verifyWebhook } from "./verify.js";
export type { VerifyWebhookEventOptions } from "./verify.js";
export type { EventDecodeOptions } from "./event.js";
export { verifyWebhookSignature } from "./verifySignature.js";
export type { VerifiedWebhookPayload, VerifyWebhookOptions, WebhookInput } from "./verifySignature.js";
export { signWebhook } from "./sign.js";
export { WebhookVerificationError } from "./errors.js";
export type { WebhookEventIssue, WebhookVerificationReason } from "./errors.js";
export type { WebhookHeaders } from "./headers.js";
export type { WebhookBody } from "./body.js";
export { isKnownWebhookEvent, WEBHOOK_EVENT_TYPES } from "../models/webhooks/index.js";
export type {
  KnownWebhookEvent,
  UnknownWebhookEvent,
  WebhookEvent,
  WebhookEventAttributes,
  WebhookEventDataMap,
  WebhookEventEnvelope,
  WebhookEventType,
} from "../models/webhooks/index.js";
