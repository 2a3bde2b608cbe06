// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) with
// WebCrypto, so VerifyTOTP checks a code the way an authenticator app makes it.
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** The bytes of a base32 secret (RFC 4648, padding and case ignored); undefined when malformed. */
export function base32ToBytes(secret: string): Uint8Array<ArrayBuffer> | undefined {
  const clean = secret.replace(/=+$/, "").replace(/\s/g, "").toUpperCase();
  if (clean === "" || /[^A-Z2-7]/.test(clean)) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    buffer = (buffer << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return new Uint8Array(bytes);
}

async function hotp(key: CryptoKey, counter: number): Promise<string> {
  const message = new ArrayBuffer(8);
  const view = new DataView(message);
  view.setUint32(0, Math.floor(counter / 2 ** 32));
  view.setUint32(4, counter >>> 0);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, message));
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary =
    (((mac[offset] ?? 0) & 0x7f) << 24) |
    ((mac[offset + 1] ?? 0) << 16) |
    ((mac[offset + 2] ?? 0) << 8) |
    (mac[offset + 3] ?? 0);
  return String(binary % 1_000_000).padStart(6, "0");
}

/** Whether `code` is the TOTP of `secret` at `nowMs`, one step either side (clock drift). */
export async function totpMatches(secret: string, code: string, nowMs: number): Promise<boolean> {
  const bytes = base32ToBytes(secret);
  if (!bytes || !/^\d{6}$/.test(code)) return false;
  const key = await crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  const step = Math.floor(nowMs / 30_000);
  for (const counter of [step - 1, step, step + 1]) if ((await hotp(key, counter)) === code) return true;
  return false;
}
