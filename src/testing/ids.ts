// IDs in Clerk's formats: a prefix and 27 base62 characters (user_2xhFjEI5X2qWRvtV13BzSj8H6Dk),
// or, for machine tokens, a prefix and 32 hex digits (ak_3beecc9c60adb5f9b850e91a8ee1e992).
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomChars(alphabet: string, length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = "";
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** `user_…`, `org_…`, `idn_…`, `orgmem_…`, `sess_…` and the other 27-character IDs. */
export const clerkId = (prefix: string): string => `${prefix}_${randomChars(BASE62, 27)}`;

/** `ak_…`, `mt_…`, `oat_…`: 32 hex digits. */
export const hexId = (prefix: string): string => `${prefix}_${randomChars("0123456789abcdef", 32)}`;

/** A secret with a recognisable prefix, e.g. `sk_test_…`. */
export const secret = (prefix: string, length = 40): string => `${prefix}${randomChars(BASE62, length)}`;
