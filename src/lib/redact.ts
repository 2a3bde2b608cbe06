// Secret keys look like sk_test_… / sk_live_…: hidden wherever they appear (also
// glued to a letter or digit, or after "Bearer%20"). Any other "sk_…" word is
// hidden too. A backslash ends a credential, so redacting JSON text keeps it valid.
const SECRET_KEY = /sk_(?:test|live)_[\w-]+|\bsk_[\w-]+/g;
// A bearer credential after "Bearer " or its URL-encoded forms ("Bearer%20", "Bearer+").
const BEARER = /(Bearer(?:\s+|%20|\+))[^\s,;"'\\&]+/gi;
// Shorter secrets are not searched for: hiding every "abc" would garble messages.
const MIN_SECRET_LENGTH = 8;

/**
 * Replaces secret keys and bearer credentials in `text` with `[redacted]`, and
 * every occurrence of `secret` itself (the key actually sent), also URL-encoded
 * or JSON-escaped, whatever it looks like.
 */
export function redact(text: string, secret?: string): string {
  let out = text;
  if (secret && secret.length >= MIN_SECRET_LENGTH)
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])
      out = out.replaceAll(form, "[redacted]");
  return out.replace(SECRET_KEY, "sk_[redacted]").replace(BEARER, "$1[redacted]");
}
