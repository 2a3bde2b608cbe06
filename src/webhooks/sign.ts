import { err, ok } from "../types/index.js";
import type { Result } from "../types/index.js";
import { encodeBase64 } from "./base64.js";
import { bodyBytes } from "./body.js";
import type { WebhookBody } from "./body.js";
import { WebhookVerificationError } from "./errors.js";
import { signatureBytes } from "./hmac.js";
import { parseSigningSecret } from "./secret.js";

/**
 * The `svix-signature` header value (`v1,<base64>`) for a delivery, so your own
 * tests can build requests that `verifyWebhook` accepts. `timestamp` is in
 * seconds (or a Date) and must be sent as the `svix-timestamp` header.
 * Never throws: an unusable secret, timestamp or body comes back as an error.
 */
export async function signWebhook(
  secret: string,
  id: string,
  timestamp: number | Date,
  body: WebhookBody,
): Promise<Result<string, WebhookVerificationError>> {
  try {
    const key = parseSigningSecret(secret);
    if (key instanceof WebhookVerificationError) return err(key);
    const seconds = timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp;
    if (!Number.isSafeInteger(seconds) || seconds < 0) {
      return err(
        new WebhookVerificationError(
          "invalid-timestamp",
          "The timestamp must be a non-negative integer number of seconds or a valid Date.",
        ),
      );
    }
    const bytes = bodyBytes(body);
    if (bytes instanceof WebhookVerificationError) return err(bytes);
    return ok(`v1,${encodeBase64(await signatureBytes(key, String(id), String(seconds), bytes))}`);
  } catch (cause) {
    return err(
      new WebhookVerificationError("no-matching-signature", "The webhook could not be signed in this runtime.", {
        cause,
      }),
    );
  }
}
