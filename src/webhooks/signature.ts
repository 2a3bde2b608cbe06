import { decodeBase64 } from "./base64.js";
import { constantTimeEqual } from "./hmac.js";

/**
 * Whether any `v1,<base64>` entry of a signature header equals `expected`.
 * Entries are separated by whitespace; other versions (e.g. `v1a`) and
 * malformed entries are skipped. A trailing comma is dropped so a header
 * repeated and joined by Fetch ("a, b") still splits into its entries.
 */
export function hasMatchingSignature(header: string, expected: Uint8Array): boolean {
  let matched = false;
  for (const raw of header.split(/\s+/)) {
    const entry = raw.endsWith(",") ? raw.slice(0, -1) : raw;
    const comma = entry.indexOf(",");
    if (comma < 0 || entry.slice(0, comma) !== "v1") continue;
    const candidate = decodeBase64(entry.slice(comma + 1));
    // No early exit: every entry is compared, so timing does not reveal which matched.
    if (candidate && constantTimeEqual(candidate, expected)) matched = true;
  }
  return matched;
}
