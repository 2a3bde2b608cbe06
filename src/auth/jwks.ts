import { err, ok, type Result } from "../types/index.js";
import { fail, type TokenVerificationError } from "./errors.js";
import { JWKS_CACHE_TTL_MS, cachedJwks, storeJwks, type JwksEntry, type RsaPublicJwk } from "./jwksCache.js";
import type { JwksStore, StoredJwks } from "./jwksStore.js";
import {
  hasStrongModulus,
  rsaVerifyParams,
  type KeyResolver,
  type SessionAlgorithm,
  type SessionHeader,
} from "./sessionJwt.js";

/** Fetches the raw JWKS body; failures already carry their reason. */
export type JwksLoader = () => Promise<Result<unknown, TokenVerificationError>>;

/** Where one key source's JWKS comes from: memory, then the shared store, then Clerk. */
export interface JwksSource {
  /** Server URL, API version and secret-key hash: one tenant's keys never serve another. */
  readonly cacheKey: string;
  readonly load: JwksLoader;
  readonly store?: JwksStore | undefined;
  /** Fetch from Clerk even when cached keys are fresh (memory and store). */
  readonly skipCache: boolean;
}

// One fetch per cache key at a time: concurrent requests share it.
const inFlight = /* @__PURE__ */ new Map<string, InFlight>();

/** A JWKS load under way, and the store it writes to (if any). */
interface InFlight {
  readonly result: Promise<Result<JwksEntry, TokenVerificationError>>;
  readonly store: JwksStore | undefined;
}

// Tokens with made-up kids are free to mint, so without a bound each one would
// cost a request to Clerk: a flood of them would become a flood of JWKS fetches.
// A set refetched for an unknown kid is marked, in memory and in the shared
// store, and no unknown kid refetches again until it is this old: one refetch
// per window for every isolate that shares the store.
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
export function jwksKeyResolver(source: JwksSource): KeyResolver {
  const { cacheKey, skipCache } = source;
  return async (header: SessionHeader) => {
    const { kid } = header;
    if (kid === undefined) return fail("token-invalid", "token header has no kid");

    const started = Date.now();
    let entry = skipCache ? undefined : cachedJwks(cacheKey, started);
    let fresh = false;
    if (entry === undefined) {
      const fetched = await fetchOnce(source, skipCache ? Infinity : 0);
      if (!fetched.ok) return fetched;
      entry = fetched.value;
      // Fetched from Clerk for this request: as new as a refetch would be. A set
      // read from the store (another isolate's) may predate a rotation.
      fresh = entry.fetchedAt >= started;
    }
    const coolingDown = entry.refetchedForKid && Date.now() - entry.fetchedAt < KID_REFETCH_COOLDOWN_MS;
    if (!entry.keys.has(kid) && !fresh && !coolingDown) {
      // Keys rotate: a newer set from the store (another isolate fetched it) is used as is.
      const refetched = await fetchOnce(source, entry.fetchedAt + 1, true);
      if (!refetched.ok) return refetched;
      entry = refetched.value;
    }
    return keyFromEntry(entry, header, "jwk-remote-invalid");
  };
}

/**
 * A key resolver over a JWKS the caller passed in (preloaded at build or deploy
 * time): no secret key, no network, no refetch. An unknown kid is
 * `jwk-kid-mismatch`; a set without usable keys `jwk-local-invalid`.
 */
export function preloadedKeyResolver(jwks: unknown): KeyResolver {
  const entry: JwksEntry = {
    keys: rsaKeysById(jwks),
    fetchedAt: Date.now(),
    refetchedForKid: false,
    imported: new Map(),
  };
  return async (header) => {
    if (header.kid === undefined) return fail("token-invalid", "token header has no kid");
    if (entry.keys.size === 0) return fail("jwk-local-invalid", "the jwks option holds no RSA signing keys");
    return keyFromEntry(entry, header, "jwk-local-invalid");
  };
}

/** The imported key for a checked header from one key set, importing it once. */
async function keyFromEntry(
  entry: JwksEntry,
  { kid, alg }: SessionHeader,
  invalidKey: "jwk-remote-invalid" | "jwk-local-invalid",
): Promise<Result<CryptoKey, TokenVerificationError>> {
  const jwk = kid === undefined ? undefined : entry.keys.get(kid);
  if (jwk === undefined) {
    return fail("jwk-kid-mismatch", "no key in the instance's JWKS matches the token's kid");
  }
  if (jwk.alg !== undefined && jwk.alg !== alg) {
    return fail("token-invalid-algorithm", `token algorithm ${alg} does not match its key's algorithm`);
  }
  const importedId = `${kid}\n${alg}`;
  const cachedKey = entry.imported.get(importedId);
  if (cachedKey) return ok(cachedKey);
  const key = await importRsaJwk(jwk, alg);
  if (key === undefined) {
    return fail(invalidKey, "the JWKS key for this token is not a valid RSA key of 2048 bits or more");
  }
  entry.imported.set(importedId, key);
  return ok(key);
}

/**
 * One JWKS fetch per cache key at a time, and a failed fetch is remembered for
 * JWKS_FAILURE_TTL_MS: while Clerk is down (or rejects the key), a burst of
 * incoming requests makes one request to Clerk, not one each.
 */
function fetchOnce(
  source: JwksSource,
  storedSince: number,
  forUnknownKid = false,
): Promise<Result<JwksEntry, TokenVerificationError>> {
  const { cacheKey } = source;
  const failed = failures.get(cacheKey);
  if (failed !== undefined && Date.now() < failed.until) return Promise.resolve(err(failed.error));
  const pending = inFlight.get(cacheKey);
  if (pending) {
    // Joined, not repeated; a request with another store still writes the set there for the other isolates.
    return source.store && source.store !== pending.store
      ? storedToo(pending.result, source.store, cacheKey)
      : pending.result;
  }
  const started: Promise<Result<JwksEntry, TokenVerificationError>> = Promise.resolve()
    .then(() => loadAndStore(source, storedSince, forUnknownKid))
    .then((result) => {
      if (result.ok) failures.delete(cacheKey);
      else rememberFailure(cacheKey, result.error);
      return result;
    })
    .finally(() => {
      if (inFlight.get(cacheKey)?.result === started) inFlight.delete(cacheKey);
    });
  inFlight.set(cacheKey, { result: started, store: source.store });
  return started;
}

/** The joined load's result, once its key set is also in `store` (a write that fails or stalls is forgotten). */
async function storedToo(
  pending: Promise<Result<JwksEntry, TokenVerificationError>>,
  store: JwksStore,
  cacheKey: string,
): Promise<Result<JwksEntry, TokenVerificationError>> {
  const result = await pending;
  if (result.ok) {
    const { keys, fetchedAt, refetchedForKid } = result.value;
    await toStore(store, cacheKey, keys, fetchedAt, refetchedForKid);
  }
  return result;
}

function rememberFailure(cacheKey: string, error: TokenVerificationError): void {
  if (failures.size >= 100) failures.clear(); // bounded like the key cache
  failures.set(cacheKey, { error, until: Date.now() + JWKS_FAILURE_TTL_MS });
}

/**
 * The shared store's key set when it was fetched at `storedSince` or later and
 * is still within the TTL, else a fetch from Clerk (marked when an unknown kid
 * caused it), written back to the store.
 */
async function loadAndStore(
  source: JwksSource,
  storedSince: number,
  forUnknownKid: boolean,
): Promise<Result<JwksEntry, TokenVerificationError>> {
  const { cacheKey, store } = source;
  try {
    const stored = store ? await fromStore(store, cacheKey) : undefined;
    // The store's date is another machine's clock: an entry from the future is stale, or it would
    // pass for a refetch (and, marked, hold off refetches) for as long as that clock is ahead.
    const age = stored ? Date.now() - stored.fetchedAt : -1;
    if (stored && stored.fetchedAt >= storedSince && age >= 0 && age < JWKS_CACHE_TTL_MS) {
      const keys = rsaKeysById(stored.jwks);
      if (keys.size > 0) return ok(storeJwks(cacheKey, keys, stored.fetchedAt, stored.refetchedForKid === true));
    }
    const body = await source.load();
    if (!body.ok) return body;
    const keys = rsaKeysById(body.value);
    if (keys.size === 0) return fail("jwk-remote-invalid", "the JWKS response holds no RSA signing keys");
    const fetchedAt = Date.now();
    if (store) await toStore(store, cacheKey, keys, fetchedAt, forUnknownKid);
    return ok(storeJwks(cacheKey, keys, fetchedAt, forUnknownKid));
  } catch (cause) {
    return fail("unexpected-error", "loading the JWKS failed unexpectedly", cause);
  }
}

/**
 * A store that throws, answers nonsense or does not answer within
 * JWKS_STORE_TIMEOUT_MS is a miss, never a failed or hung request.
 */
async function fromStore(store: JwksStore, key: string): Promise<StoredJwks | undefined> {
  const value = await withinStoreLimit(() => store.get(key));
  return value && typeof value === "object" && typeof value.fetchedAt === "number" ? value : undefined;
}

/**
 * Writes the keys' public parts to the store. A failed or stalled write is forgotten:
 * the keys still serve this isolate; the next one fetches them itself.
 */
async function toStore(
  store: JwksStore,
  key: string,
  keys: ReadonlyMap<string, RsaPublicJwk>,
  fetchedAt: number,
  refetchedForKid: boolean,
): Promise<void> {
  const value: StoredJwks = { jwks: publicParts(keys), fetchedAt, refetchedForKid };
  await withinStoreLimit(() => store.set(key, value, JWKS_CACHE_TTL_MS));
}

/** How long one JWKS store call may take before it counts as a miss (a Redis or KV stall must not hold auth). */
const JWKS_STORE_TIMEOUT_MS = 1_000;

/** The store call's value, or undefined when it throws or has not settled within JWKS_STORE_TIMEOUT_MS. */
async function withinStoreLimit<T>(call: () => T | PromiseLike<T>): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      Promise.resolve().then(call),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(resolve, JWKS_STORE_TIMEOUT_MS, undefined);
      }),
    ]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** What the store keeps: the usable keys' public parts, as a JWKS. */
function publicParts(keys: ReadonlyMap<string, RsaPublicJwk>): { keys: object[] } {
  return { keys: [...keys.values()].map(({ kid, n, e, alg }) => ({ kty: "RSA", kid, n, e, alg, use: "sig" })) };
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
async function importRsaJwk(jwk: RsaPublicJwk, alg: SessionAlgorithm): Promise<CryptoKey | undefined> {
  if (!BASE64URL.test(jwk.n) || !BASE64URL.test(jwk.e)) return undefined;
  try {
    const key = await crypto.subtle.importKey("jwk", { kty: "RSA", n: jwk.n, e: jwk.e }, rsaVerifyParams(alg), false, [
      "verify",
    ]);
    return hasStrongModulus(key) ? key : undefined;
  } catch {
    return undefined;
  }
}
