import { importJWK } from "jose";
import type { SessionAlgorithm } from "./session-algorithms.js";

/** The only key shape a session token can be verified with: an RSA public key. */
export interface RsaPublicJwk {
  readonly kid: string;
  readonly n: string;
  readonly e: string;
  readonly alg: string | undefined;
}

/**
 * The usable keys of a JWKS response, by kid. Anything but an RSA signing key
 * with n and e is dropped, and private or symmetric parts are never copied, so
 * a key can only ever verify RS* signatures.
 */
export function rsaKeysById(body: unknown): Map<string, RsaPublicJwk> {
  const keys = new Map<string, RsaPublicJwk>();
  const list = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) return keys;
  for (const item of list) {
    if (item === null || typeof item !== "object") continue;
    const { kty, kid, n, e, alg, use } = item as Record<string, unknown>;
    if (kty !== "RSA" || typeof kid !== "string" || typeof n !== "string" || typeof e !== "string") continue;
    if (use !== undefined && use !== "sig") continue;
    keys.set(kid, { kid, n, e, alg: typeof alg === "string" ? alg : undefined });
  }
  return keys;
}

/** A WebCrypto key for `alg` from the public parts only. */
export async function importRsaJwk(jwk: RsaPublicJwk, alg: SessionAlgorithm): Promise<CryptoKey> {
  const key = await importJWK({ kty: "RSA", n: jwk.n, e: jwk.e }, alg);
  // importJWK returns bytes only for "oct" keys, which we never pass.
  return key as CryptoKey;
}
