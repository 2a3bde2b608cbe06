import { decodeBase64 } from "./base64.js";
import { WebhookVerificationError } from "./errors.js";

const PREFIX = "whsec_";
const SECRET_ENV = "CLERK_WEBHOOK_SIGNING_SECRET";

/**
 * The HMAC key bytes of a `whsec_<base64>` (or bare base64) secret.
 *
 * An empty secret is `missing-secret`. A secret that is not valid base64 is
 * reported as `no-matching-signature`: the issue defines no reason for it, and
 * failing closed with the reason that already means "do not trust this
 * delivery" is the safe choice; the message names the real cause.
 */
export function parseSigningSecret(secret: string | undefined): Uint8Array<ArrayBuffer> | WebhookVerificationError {
  const text = typeof secret === "string" ? secret.trim() : "";
  if (text === "" || text === PREFIX) {
    return new WebhookVerificationError(
      "missing-secret",
      `No webhook signing secret: pass options.signingSecret or set ${SECRET_ENV}.`,
    );
  }
  const key = decodeBase64(text.startsWith(PREFIX) ? text.slice(PREFIX.length) : text);
  if (!key || key.length === 0) {
    return new WebhookVerificationError(
      "no-matching-signature",
      "The webhook signing secret is not valid base64 (expected whsec_<base64>), so no signature can match. Copy it again from the Clerk Dashboard.",
    );
  }
  return key;
}

/** Reads the secret from the environment where the runtime has one (Node, Bun, Deno with --allow-env). */
export function signingSecretFromEnv(): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    const value = env?.[SECRET_ENV];
    return typeof value === "string" ? value : undefined;
  } catch {
    // Deno without --allow-env throws on access; treat as unset.
    return undefined;
  }
}
