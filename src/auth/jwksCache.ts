/** How long fetched keys are trusted before the JWKS is fetched again. */
export const JWKS_CACHE_TTL_MS = 5 * 60 * 1000;

/** The only key shape a session token can be verified with: an RSA public key. */
export interface RsaPublicJwk {
  readonly kid: string;
  readonly n: string;
  readonly e: string;
  readonly alg: string | undefined;
}

export interface JwksEntry {
  readonly keys: ReadonlyMap<string, RsaPublicJwk>;
  readonly fetchedAt: number;
  /** Fetched because a token named a kid the previous set lacked (see KID_REFETCH_COOLDOWN_MS). */
  readonly refetchedForKid: boolean;
  /** WebCrypto keys imported from `keys`, by `kid + alg`. */
  readonly imported: Map<string, CryptoKey>;
}

// Entries by cache key (server, API version and a hash of the secret key), so
// one tenant's keys are never served to another.
const entries = /* @__PURE__ */ new Map<string, JwksEntry>();
const MAX_ENTRIES = 100;

export function cachedJwks(cacheKey: string, now: number): JwksEntry | undefined {
  const entry = entries.get(cacheKey);
  if (entry && now - entry.fetchedAt < JWKS_CACHE_TTL_MS) return entry;
  if (entry) entries.delete(cacheKey);
  return undefined;
}

export function storeJwks(
  cacheKey: string,
  keys: ReadonlyMap<string, RsaPublicJwk>,
  fetchedAt: number,
  refetchedForKid = false,
): JwksEntry {
  const entry: JwksEntry = { keys, fetchedAt, refetchedForKid, imported: new Map() };
  entries.delete(cacheKey);
  if (entries.size >= MAX_ENTRIES) {
    const oldest = entries.keys().next();
    if (!oldest.done) entries.delete(oldest.value);
  }
  entries.set(cacheKey, entry);
  return entry;
}

/** Forgets every cached key set; for tests and key-rotation drills. */
export function clearJwksCache(): void {
  entries.clear();
}

/**
 * A stable, non-reversible cache key. The secret key is hashed so it never sits
 * in plain text in a map key that a heap dump or a debug log could show.
 */
export async function jwksCacheKey(serverUrl: string, apiVersion: string, secretKey: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secretKey));
  let hex = "";
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, "0");
  return `${serverUrl}\n${apiVersion}\n${hex}`;
}
