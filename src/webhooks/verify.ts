import { err, ok } from "../types/index.js";
import type { Result } from "../types/index.js";
import { bodyBytes, requestBytes } from "./body.js";
import type { WebhookBody } from "./body.js";
import { WebhookVerificationError } from "./errors.js";
import { decodeEvent } from "./event.js";
import type { WebhookEvent } from "../models/webhooks/index.js";
import { readSignatureHeaders } from "./headers.js";
import type { WebhookHeaders } from "./headers.js";
import { signatureBytes } from "./hmac.js";
import { parseSigningSecret, signingSecretFromEnv } from "./secret.js";
import { hasMatchingSignature } from "./signature.js";
import { checkTimestamp, toSeconds, toleranceOf } from "./timestamp.js";

/** A delivery: a Fetch `Request`, or its headers and raw body. */
export type WebhookInput = Request | { readonly headers: WebhookHeaders; readonly body: WebhookBody };

export interface VerifyWebhookOptions {
  /** `whsec_<base64>` from the Clerk Dashboard. Default: `CLERK_WEBHOOK_SIGNING_SECRET` where the runtime has an environment. */
  readonly signingSecret?: string;
  /** Largest accepted distance between the delivery timestamp and now, both ways. Default 300. */
  readonly toleranceSeconds?: number;
  /** The current time, for tests. Default: the clock. */
  readonly now?: Date;
}

/**
 * Verifies a Clerk (Svix / Standard Webhooks) delivery and decodes its event.
 * Order: secret, headers, timestamp window, signature over the raw bytes, then
 * JSON and the event envelope. Never throws or rejects.
 */
export async function verifyWebhook(
  input: WebhookInput,
  options: VerifyWebhookOptions = {},
): Promise<Result<WebhookEvent, WebhookVerificationError>> {
  try {
    return await verify(input, options ?? {});
  } catch (cause) {
    // Only a broken runtime (no WebCrypto, hostile getters) gets here; stay closed.
    return err(new WebhookVerificationError("no-matching-signature", "The webhook could not be verified in this runtime.", { cause }));
  }
}

async function verify(input: WebhookInput, options: VerifyWebhookOptions): Promise<Result<WebhookEvent, WebhookVerificationError>> {
  const key = parseSigningSecret(options.signingSecret ?? signingSecretFromEnv());
  if (key instanceof WebhookVerificationError) return err(key);

  const request = isRequest(input) ? input : undefined;
  const headers = readSignatureHeaders(request ? request.headers : (input as { headers?: WebhookHeaders } | null)?.headers);
  if (Array.isArray(headers)) {
    return err(new WebhookVerificationError("missing-headers", `Missing webhook header(s): ${headers.join(", ")}.`, { missingHeaders: headers }));
  }

  const outsideWindow = checkTimestamp(headers.timestamp, toSeconds(options.now), toleranceOf(options.toleranceSeconds));
  if (outsideWindow instanceof WebhookVerificationError) return err(outsideWindow);

  const body = request ? await requestBytes(request) : bodyBytes((input as { body?: unknown } | null)?.body);
  if (body instanceof WebhookVerificationError) return err(body);

  // The header text as sent, not the parsed number: it is what the sender signed.
  const expected = await signatureBytes(key, headers.id, headers.timestamp, body);
  if (!hasMatchingSignature(headers.signature, expected)) {
    return err(new WebhookVerificationError("no-matching-signature", "No webhook signature matches the body and the signing secret."));
  }

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch (cause) {
    return err(new WebhookVerificationError("invalid-body", "The webhook body is signed but is not UTF-8 JSON.", { cause }));
  }
  const event = decodeEvent(json);
  return event instanceof WebhookVerificationError ? err(event) : ok(event);
}

function isRequest(input: unknown): input is Request {
  return !!input && typeof input === "object" && typeof (input as Request).arrayBuffer === "function" && "bodyUsed" in input;
}
