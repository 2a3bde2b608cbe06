import { utf8 } from "./body.js";
import { constantTimeEqual } from "./hmac.js";

/**
 * Whether any `v1` entry of a signature header carries `expected` (the
 * base64 of the HMAC), read as svix reads it: entries are separated by single
 * spaces, and an entry's version and signature are its first two
 * comma-separated fields. Other versions (e.g. `v1a`) are skipped. The
 * signature text must equal `expected` exactly, padding included. A header
 * repeated and joined by Fetch ("v1,a, v1,b") still splits into its entries.
 */
export function hasMatchingSignature(header: string, expected: string): boolean {
  const wanted = utf8.encode(expected);
  let matched = false;
  for (const entry of header.split(" ")) {
    const [version, signature = ""] = entry.split(",");
    // No early exit: every entry is compared, so timing does not reveal which matched.
    if (version === "v1" && constantTimeEqual(utf8.encode(signature), wanted)) matched = true;
  }
  return matched;
}
