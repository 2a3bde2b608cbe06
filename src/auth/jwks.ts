import { err, ok, type Result } from "../types/index.js";
import { fail, type TokenVerificationError } from "./errors.js";
import { cachedJwks, storeJwks, type JwksEntry } from "./jwksCache.js";
import { hasStrongModulus, rsaVerifyParams, type KeyResolver, type SessionAlgorithm, type SessionHeader } from "./sessionJwt.js";

/** Fetches the raw JWKS body; failures already carry their reason. */
export type JwksLoader = () => Promise<Result<unknown, TokenVerificationError>>;

// One fetch per cache key at a time: concurrent requests share it.
const inFlight = /* @__PURE__ */ new Map<string, Promise<Result<JwksEntry, TokenVerificationError>>>();

// When the last refetch caused by an unknown kid happened, per cache key. Tokens
// with made-up kids are free to mint, so without this bound each one would cost
// a request to Clerk: a flood of them would become a flood of JWKS fetches.
const lastKidRefetch = /* @__PURE__ */ new Map<string, number>();
/** At most one unknown-kid refetch per cache key in this window. */
export const KID_REFETCH_COOLDOWN_MS = 10_000;

// Failed fetches by cache key, answered from here until `until`.
const failures = /* @__PURE__ */ new Map<string, { readonly error: TokenVerificationError; readonly until: number }>();
/** How long a failed JWKS fetch is remembered before the next request may try again. */
export const JWKS_FAILURE_TTL_MS = 5_000;

/**
 * Resolves a token's key from the (cached) JWKS: cached keys for five minutes,
 * one refetch when the kid is unknown (keys rotate), and no kid names in
 * messages (they would tell an attacker which kids exist).
 */
export function jwksKeyResolver(cacheKey: string, load: JwksLoader, skipCache: boolean): KeyResolver {
  return async (header: SessionHeader) => {
    const { kid, alg } = header;
    if (kid === undefined) return err(fail("token-invalid", "token header has no kid"));

    let entry = skipCache ? undefined : cachedJwks(cacheKey, Date.now());
    let fresh = false;
    if (entry === undefined) {
      const fetched = await fetchOnce(cacheKey, load);
      if (!fetched.ok) return fetched;
      entry = fetched.value;
      fresh = true;
    }
    let jwk = entry.keys.get(kid);
    if (jwk === undefined && !fresh && mayRefetchForKid(cacheKey, Date.now())) {
      const refetched = await fetchOnce(cacheKey, load);
      if (!refetched.ok) return refetched;
      entry = refetched.value;
      jwk = entry.keys.get(kid);
    }
    if (jwk === undefined) {
      return err(fail("jwk-kid-mismatch", "no key in the instance's JWKS matches the token's kid"));
    }
    if (jwk.alg !== undefined && jwk.alg !== alg) {
      return err(fail("token-invalid-algorithm", `token algorithm ${alg} does not match its key's algorithm`));
    }
    const importedId = `${kid}\n${alg}`;
    const cachedKey = entry.imported.get(importedId);
    if (cachedKey) return ok(cachedKey);
    const key = await importRsaJwk(jwk, alg);
    if (key === undefined) {
      return err(fail("jwk-remote-invalid", "the JWKS key for this token is not a valid RSA key of 2048 bits or more"));
    }
    entry.imported.set(importedId, key);
    return ok(key);
  };
}

function mayRefetchForKid(cacheKey: string, now: number): boolean {
  const last = lastKidRefetch.get(cacheKey);
  if (last !== undefined && now - last < KID_REFETCH_COOLDOWN_MS) return false;
  if (lastKidRefetch.size >= 100) lastKidRefetch.clear(); // bounded like the key cache
  lastKidRefetch.set(cacheKey, now);
  return true;
}

/**
 * One JWKS fetch per cache key at a time, and a failed fetch is remembered for
 * JWKS_FAILURE_TTL_MS: while Clerk is down (or rejects the key), a burst of
 * incoming requests makes one request to Clerk, not one each.
 */
function fetchOnce(cacheKey: string, load: JwksLoader): Promise<Result<JwksEntry, TokenVerificationError>> {
  const failed = failures.get(cacheKey);
  if (failed !== undefined && Date.now() < failed.until) return Promise.resolve(err(failed.error));
  const pending = inFlight.get(cacheKey);
  if (pending) return pending;
  const started: Promise<Result<JwksEntry, TokenVerificationError>> = Promise.resolve()
    .then(() => fetchAndStore(cacheKey, load))
    .then((result) => {
      if (result.ok) failures.delete(cacheKey);
      else rememberFailure(cacheKey, result.error);
      return result;
    })
    .finally(() => {
      if (inFlight.get(cacheKey) === started) inFlight.delete(cacheKey);
    });
  inFlight.set(cacheKey, started);
  return started;
}

function rememberFailure(cacheKey: string, error: TokenVerificationError): void {
  if (failures.size >= 100) failures.clear(); // bounded like the key cache
  failures.set(cacheKey, { error, until: Date.now() + JWKS_FAILURE_TTL_MS });
}

async function fetchAndStore(cacheKey: string, load: JwksLoader): Promise<Result<JwksEntry, TokenVerificationError>> {
  try {
    const body = await load();
    if (!body.ok) return body;
    const keys = rsaKeysById(body.value);
    if (keys.size === 0) return err(fail("jwk-remote-invalid", "the JWKS response holds no RSA signing keys"));
    return ok(storeJwks(cacheKey, keys, Date.now()));
  } catch (cause) {
    return err(fail("unexpected-error", "loading the JWKS failed unexpectedly", cause));
  }
}

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

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * A WebCrypto key for `alg` from the public parts only, or undefined when the
 * parts are malformed or the modulus is under 2048 bits (a key Clerk never
 * issues, and one jose would refuse only later, blaming the token).
 */
export async function importRsaJwk(jwk: RsaPublicJwk, alg: SessionAlgorithm): Promise<CryptoKey | undefined> {
  if (!BASE64URL.test(jwk.n) || !BASE64URL.test(jwk.e)) return undefined;
  try {
    const key = await crypto.subtle.importKey("jwk", { kty: "RSA", n: jwk.n, e: jwk.e }, rsaVerifyParams(alg), false, ["verify"]);
    return hasStrongModulus(key) ? key : undefined;
  } catch {
    return undefined;
  }
}
