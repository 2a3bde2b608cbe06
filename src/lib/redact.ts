// Secret keys look like sk_test_… / sk_live_…; anything after "sk_" up to a
// delimiter is hidden so a key never reaches a log line or an error message.
// (A backslash ends a credential too, so redacting JSON text keeps it valid.)
const SECRET_KEY = /\bsk_[\w-]+/g;
const BEARER = /(Bearer\s+)[^\s,;"'\\]+/gi;

/** Replaces secret keys and bearer credentials in `text` with `[redacted]`. */
export function redact(text: string, secret?: string): string {
  const out = text.replace(SECRET_KEY, "sk_[redacted]").replace(BEARER, "$1[redacted]");
  return secret && secret.length >= 8 ? out.split(secret).join("[redacted]") : out;
}
