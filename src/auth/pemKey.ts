import { ok, type Result } from "../types/index.js";
import { fail, type TokenVerificationError } from "./errors.js";
import { hasStrongModulus, rsaVerifyParams, type SessionAlgorithm } from "./sessionJwt.js";

const ARMOR = /-----(BEGIN|END) PUBLIC KEY-----/g;

/**
 * The base64 body of the `jwtKey` option's SPKI key. Accepts the armored PEM,
 * the bare base64 body, and the `\n`-escaped one-line form env files often hold.
 */
function pemBody(jwtKey: string): string | undefined {
  // One key: two armored blocks would be read as one body (their bytes run together).
  if ((jwtKey.match(ARMOR)?.length ?? 0) > 2) return undefined;
  const body = jwtKey.replace(/\\n/g, "\n").replace(ARMOR, "").replace(/\s+/g, "");
  return body.length > 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(body) ? body : undefined;
}

// Imported keys by key body and algorithm: importing costs more than verifying.
const imported = /* @__PURE__ */ new Map<string, CryptoKey>();
const MAX_IMPORTED = 32;

/**
 * The `jwtKey` as a WebCrypto key for `alg`, or `jwk-local-invalid`. WebCrypto
 * reads the SPKI structure itself and refuses anything but an RSA key.
 */
export async function loadPemKey(
  jwtKey: string,
  alg: SessionAlgorithm,
): Promise<Result<CryptoKey, TokenVerificationError>> {
  const body = pemBody(jwtKey);
  if (body === undefined) {
    return fail("jwk-local-invalid", "jwtKey is not a PEM or base64 SPKI public key");
  }
  const cacheKey = `${alg}\n${body}`;
  const cached = imported.get(cacheKey);
  if (cached) return ok(cached);
  try {
    const der = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
    const key = await crypto.subtle.importKey("spki", der, rsaVerifyParams(alg), false, ["verify"]);
    if (!hasStrongModulus(key)) {
      return fail("jwk-local-invalid", "jwtKey is an RSA key of fewer than 2048 bits; Clerk's keys have 2048 or more");
    }
    if (imported.size >= MAX_IMPORTED) imported.clear();
    imported.set(cacheKey, key);
    return ok(key);
  } catch (cause) {
    return fail("jwk-local-invalid", `jwtKey could not be imported as an RSA public key for ${alg}`, cause);
  }
}
