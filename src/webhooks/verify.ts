import { err, ok } from "../types/index.js";
import type { Result } from "../types/index.js";
import type { WebhookEvent } from "../models/webhooks/index.js";
import { WebhookVerificationError } from "./errors.js";
import { decodeEvent } from "./event.js";
import { verifyWebhookSignature, type VerifyWebhookOptions, type WebhookInput } from "./verifySignature.js";

export type { VerifyWebhookOptions, WebhookInput } from "./verifySignature.js";

/**
 * Verifies a Clerk (Svix / Standard Webhooks) delivery and decodes its event.
 * Order: secret, headers, timestamp window, signature over the raw bytes, then
 * JSON and the event envelope. Never throws or rejects.
 */
export async function verifyWebhook(
  input: WebhookInput,
  options: VerifyWebhookOptions = {},
): Promise<Result<WebhookEvent, WebhookVerificationError>> {
  const payload = await verifyWebhookSignature(input, options);
  if (!payload.ok) return payload;
  try {
    const event = decodeEvent(JSON.parse(payload.value.body));
    return event instanceof WebhookVerificationError ? err(event) : ok(event);
  } catch (cause) {
    // JSON.parse is the one step here that throws on what a sender can sign.
    return err(
      new WebhookVerificationError("invalid-body", "The webhook body is signed but is not UTF-8 JSON.", { cause }),
    );
  }
}
