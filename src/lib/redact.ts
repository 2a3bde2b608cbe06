// Secret keys look like sk_test_… / sk_live_…; anything after "sk_" up to a
// delimiter is hidden so a key never reaches a log line or an error message.
const SECRET_KEY = /\bsk_[A-Za-z0-9_-]+/g;
const BEARER = /(Bearer\s+)[^\s,;"']+/gi;

/** Replaces secret keys and bearer credentials in `text` with `[redacted]`. */
export function redact(text: string, secret?: string): string {
  let out = text.replace(SECRET_KEY, "sk_[redacted]").replace(BEARER, "$1[redacted]");
  if (secret && secret.length >= 8) out = out.split(secret).join("[redacted]");
  return out;
}
