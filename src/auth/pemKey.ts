import { importSPKI } from "jose";
import { err, ok, type Result } from "../types/index.js";
import { fail, type TokenVerificationError } from "./errors.js";
import { hasStrongModulus, type SessionAlgorithm } from "./sessionJwt.js";

const ARMOR = /-----(BEGIN|END) PUBLIC KEY-----/g;

/**
 * Turns the `jwtKey` option into an armored SPKI PEM. Accepts the armored form,
 * the bare base64 body, and the `\n`-escaped one-line form env files often hold.
 */
export function normalizePem(jwtKey: string): string | undefined {
  const body = jwtKey.replace(/\\n/g, "\n").replace(ARMOR, "").replace(/\s+/g, "");
  if (body.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join("\n")}\n-----END PUBLIC KEY-----`;
}

// Imported keys by PEM and algorithm: importing costs more than verifying.
const imported = /* @__PURE__ */ new Map<string, CryptoKey>();
const MAX_IMPORTED = 32;

/** The `jwtKey` as a WebCrypto key for `alg`, or `jwk-local-invalid`. */
export async function loadPemKey(
  jwtKey: string,
  alg: SessionAlgorithm,
): Promise<Result<CryptoKey, TokenVerificationError>> {
  const pem = normalizePem(jwtKey);
  if (pem === undefined) {
    return err(fail("jwk-local-invalid", "jwtKey is not a PEM or base64 SPKI public key"));
  }
  const cacheKey = `${alg}\n${pem}`;
  const cached = imported.get(cacheKey);
  if (cached) return ok(cached);
  try {
    const key = await importSPKI(pem, alg);
    if (!hasStrongModulus(key)) {
      return err(fail("jwk-local-invalid", "jwtKey is an RSA key of fewer than 2048 bits; Clerk's keys have 2048 or more"));
    }
    if (imported.size >= MAX_IMPORTED) imported.clear();
    imported.set(cacheKey, key);
    return ok(key);
  } catch (cause) {
    return err(fail("jwk-local-invalid", `jwtKey could not be imported as an RSA public key for ${alg}`, cause));
  }
}
