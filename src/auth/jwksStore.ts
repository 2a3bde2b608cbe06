// JWKS shared beyond one isolate's memory. Short-lived isolates (Workers) start
// with an empty in-memory cache, so without a shared store every new isolate
// fetches the JWKS again; with one, a key set fetched by any isolate serves all.

/** What a store keeps per key source: the JWKS body as Clerk sent it and when it was fetched. */
export interface StoredJwks {
  readonly jwks: unknown;
  /** Unix time in ms of the fetch from Clerk (not of the store write). */
  readonly fetchedAt: number;
  /**
   * True when a token's unknown kid caused this fetch: every isolate that reads
   * the set then waits 10 s from `fetchedAt` before refetching for another
   * unknown kid, so a flood of made-up kids costs one fetch per 10 s however
   * many isolates see it.
   */
  readonly refetchedForKid?: boolean;
}

/**
 * A shared cache for the instance's JWKS (public keys only). `key` identifies
 * the server, API version and secret key (as a SHA-256 hash, never the key
 * itself). A store that fails or holds nothing counts as a miss: keys are then
 * fetched from Clerk as without a store.
 */
export interface JwksStore {
  get(key: string): Promise<StoredJwks | undefined> | StoredJwks | undefined;
  set(key: string, value: StoredJwks, ttlMs: number): Promise<void> | void;
}

/** The Cache API surface the adapter uses (Workers' `caches.default`, or any `Cache`). */
export interface CacheLike {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
}

/**
 * A JwksStore on the Cache API: `caches.default` on Cloudflare Workers (shared
 * by every isolate of the data center), or the `Cache` you pass. Entries expire
 * through `Cache-Control: max-age` after the TTL.
 */
export function cacheApiJwksStore(cache?: CacheLike): JwksStore {
  const target = (): CacheLike | undefined =>
    cache ?? (globalThis as { caches?: { default?: CacheLike } }).caches?.default;
  return {
    async get(key) {
      const response = await target()?.match(cacheUrl(key));
      return response ? ((await response.json()) as StoredJwks) : undefined;
    },
    async set(key, value, ttlMs) {
      const maxAge = Math.max(1, Math.floor(ttlMs / 1000));
      await target()?.put(
        cacheUrl(key),
        new Response(JSON.stringify(value), {
          headers: { "content-type": "application/json", "cache-control": `max-age=${maxAge}` },
        }),
      );
    },
  };
}

/** The Cache API keys entries by URL; this host never resolves, so nothing is ever fetched from it. */
function cacheUrl(key: string): string {
  return `https://jwks.clerk-fn.invalid/${encodeURIComponent(key)}`;
}
