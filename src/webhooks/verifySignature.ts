import { err, ok } from "../types/index.js";
import type { Result } from "../types/index.js";
import { encodeBase64 } from "./base64.js";
import { bodyBytes, requestBytes } from "./body.js";
import type { WebhookBody } from "./body.js";
import { WebhookVerificationError } from "./errors.js";
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

/** A delivery whose signature and timestamp checked out: what was signed, not yet decoded. */
export interface VerifiedWebhookPayload {
  /** The delivery id (`svix-id`), the same for every retry of one message: use it to deduplicate. */
  readonly id: string;
  /** The signed timestamp in seconds: the integer the `svix-timestamp` header starts with. */
  readonly timestamp: number;
  /** The body exactly as signed, as UTF-8 text (usually the event's JSON). */
  readonly body: string;
}

/**
 * Verifies a Clerk (Svix / Standard Webhooks) delivery and returns the signed
 * payload without decoding the event: the smallest way to trust a webhook.
 * Order: secret, headers, timestamp window, signature over the raw bytes, then
 * UTF-8. Never throws or rejects.
 */
export async function verifyWebhookSignature(
  input: WebhookInput,
  options: VerifyWebhookOptions = {},
): Promise<Result<VerifiedWebhookPayload, WebhookVerificationError>> {
  try {
    return await verifySignature(input, options ?? {});
  } catch (cause) {
    // Only a broken runtime (no WebCrypto, hostile getters) gets here; stay closed.
    return err(
      new WebhookVerificationError("no-matching-signature", "The webhook could not be verified in this runtime.", {
        cause,
      }),
    );
  }
}

async function verifySignature(
  input: WebhookInput,
  options: VerifyWebhookOptions,
): Promise<Result<VerifiedWebhookPayload, WebhookVerificationError>> {
  const key = parseSigningSecret(options.signingSecret ?? signingSecretFromEnv());
  if (key instanceof WebhookVerificationError) return err(key);

  const request = isRequest(input) ? input : undefined;
  const headers = readSignatureHeaders(
    request ? request.headers : (input as { headers?: WebhookHeaders } | null)?.headers,
  );
  if (Array.isArray(headers)) {
    return err(
      new WebhookVerificationError("missing-headers", `Missing webhook header(s): ${headers.join(", ")}.`, {
        missingHeaders: headers,
      }),
    );
  }

  const timestamp = checkTimestamp(headers.timestamp, toSeconds(options.now), toleranceOf(options.toleranceSeconds));
  if (timestamp instanceof WebhookVerificationError) return err(timestamp);

  const body = request ? await requestBytes(request) : bodyBytes((input as { body?: unknown } | null)?.body);
  if (body instanceof WebhookVerificationError) return err(body);

  // The integer read from the header, in plain decimal, not the header text: what svix signs and checks.
  const expected = await signatureBytes(key, headers.id, String(timestamp), body);
  if (!hasMatchingSignature(headers.signature, encodeBase64(expected))) {
    return err(
      new WebhookVerificationError(
        "no-matching-signature",
        "No webhook signature matches the body and the signing secret.",
      ),
    );
  }

  try {
    return ok({ id: headers.id, timestamp, body: new TextDecoder("utf-8", { fatal: true }).decode(body) });
  } catch (cause) {
    return err(
      new WebhookVerificationError("invalid-body", "The webhook body is signed but is not UTF-8 text.", { cause }),
    );
  }
}

function isRequest(input: unknown): input is Request {
  return (
    !!input && typeof input === "object" && typeof (input as Request).arrayBuffer === "function" && "bodyUsed" in input
  );
}
