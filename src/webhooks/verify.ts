import { err } from "../types/index.js";
import type { Result } from "../types/index.js";
import type { WebhookEvent } from "../models/webhooks/index.js";
import { WebhookVerificationError } from "./errors.js";
import { decodeEvent, type EventDecodeOptions } from "./event.js";
import { verifyWebhookSignature, type VerifyWebhookOptions, type WebhookInput } from "./verifySignature.js";

export type { WebhookInput } from "./verifySignature.js";

/** Options of verifyWebhook: the signature check's, plus how the event is decoded. */
export interface VerifyWebhookEventOptions extends VerifyWebhookOptions, EventDecodeOptions {}

/**
 * Verifies a Clerk (Svix / Standard Webhooks) delivery and decodes its event.
 * Order: secret, headers, timestamp window, signature over the raw bytes, then
 * JSON and the event envelope. Never throws or rejects.
 */
export async function verifyWebhook(
  input: WebhookInput,
  options: VerifyWebhookEventOptions = {},
): Promise<Result<WebhookEvent, WebhookVerificationError>> {
  const payload = await verifyWebhookSignature(input, options);
  if (!payload.ok) return payload;
  let json: unknown;
  try {
    json = JSON.parse(payload.value.body);
  } catch (cause) {
    // JSON.parse is the one step here that throws on what a sender can sign.
    return err(
      new WebhookVerificationError("invalid-body", "The webhook body is signed but is not UTF-8 JSON.", { cause }),
    );
  }
  return decodeEvent(json, options);
}
