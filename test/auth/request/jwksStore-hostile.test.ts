// The JWKS store as a careless or broken neighbour: a store call that never
// settles counts as a miss after JWKS_STORE_TIMEOUT_MS (and never holds later
// requests for the same secret key), and an entry dated in the future (another
// machine's clock is ahead) is stale. Regressions of issue 22 item 5 and issue
// 23 item 11. Real node:http stand-in for Clerk's JWKS endpoint.
import { describe, expect, it } from "vitest";
import {
  authenticateRequest,
  type AuthenticateRequestOptions,
  type JwksStore,
  type StoredJwks,
} from "../../../src/auth/index.js";
import { clearJwksCache } from "../../../src/auth/jwksCache.js";
import { bearer, useFakeClerk } from "../support/clerk-server.js";
import { freshSecretKey, jwksReply } from "../support/fixtures.js";
import { signToken } from "../support/keys.js";
import { useTwoKeys } from "../support/two-keys.js";

const clerk = useFakeClerk();
const keys = useTwoKeys();

const jwksFetches = () => clerk.count("GET", "/v1/jwks");
const options = (secretKey: string, jwksStore?: JwksStore): AuthenticateRequestOptions => ({
  secretKey,
  serverUrl: clerk.serverUrl,
  retries: { strategy: "none" },
  jwksStore,
});
const never = () => new Promise<never>(() => {});

describe("a stalled JWKS store", () => {
  it("whose get never settles is a miss: the request verifies, and so do later ones with a working store or none", async () => {
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keys.a);
    const secretKey = freshSecretKey();
    const token = await signToken(keys.a);
    const stalled: JwksStore = { get: never, set: never };
    const first = await authenticateRequest(bearer(token), options(secretKey, stalled));
    expect(first.status).toBe("signed-in");
    expect(jwksFetches()).toBe(1);

    clearJwksCache(); // a later request that cannot lean on this isolate's memory
    const data = new Map<string, StoredJwks>();
    const working: JwksStore = { get: (key) => data.get(key), set: (key, value) => void data.set(key, value) };
    const [withStore, withoutStore] = await Promise.all([
      authenticateRequest(bearer(token), options(secretKey, working)),
      authenticateRequest(bearer(token), options(secretKey)),
    ]);
    expect([withStore.status, withoutStore.status]).toEqual(["signed-in", "signed-in"]);
    expect(data.size).toBe(1);
  });

  it("whose set never settles still lets the request and the concurrent ones through", async () => {
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keys.a);
    const secretKey = freshSecretKey();
    const token = await signToken(keys.a);
    const writeStalls: JwksStore = { get: () => undefined, set: never };
    const states = await Promise.all([
      authenticateRequest(bearer(token), options(secretKey, writeStalls)),
      authenticateRequest(bearer(token), options(secretKey)),
      authenticateRequest(bearer(token), options(secretKey, writeStalls)),
    ]);
    expect(states.map((s) => s.status)).toEqual(["signed-in", "signed-in", "signed-in"]);
    expect(jwksFetches()).toBe(1);
  });
});

describe("a request with a store that joins a JWKS fetch started without one", () => {
  it("still writes the fetched set to its store (one fetch), whichever of the two started first", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    clerk.routes["GET /v1/jwks"] = async () => {
      await held;
      return jwksReply(keys.a);
    };
    const secretKey = freshSecretKey();
    const token = await signToken(keys.a);
    const data = new Map<string, StoredJwks>();
    const working: JwksStore = { get: (key) => data.get(key), set: (key, value) => void data.set(key, value) };
    const storeless = authenticateRequest(bearer(token), options(secretKey));
    while (jwksFetches() === 0) await new Promise((resolve) => setTimeout(resolve, 5)); // its fetch is on the wire
    const withStore = authenticateRequest(bearer(token), options(secretKey, working));
    await new Promise((resolve) => setTimeout(resolve, 300)); // time to reach the fetch under way and join it
    release();
    const states = await Promise.all([storeless, withStore]);
    expect(states.map((s) => s.status)).toEqual(["signed-in", "signed-in"]);
    expect(jwksFetches()).toBe(1);
    expect(data.size).toBe(1);
  });
});

describe("a store entry dated in the future", () => {
  it("is stale: after a key rotation, the first request refetches instead of failing with jwk-kid-mismatch", async () => {
    const secretKey = freshSecretKey();
    const data = new Map<string, StoredJwks>();
    const store: JwksStore = { get: (key) => data.get(key), set: (key, value) => void data.set(key, value) };
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keys.a);
    expect((await authenticateRequest(bearer(await signToken(keys.a)), options(secretKey, store))).status).toBe(
      "signed-in",
    );
    // Another isolate, its clock 3 s ahead, wrote the same (pre-rotation) set.
    const [cacheKey, entry] = [...data.entries()][0]!;
    data.set(cacheKey, { ...entry, fetchedAt: Date.now() + 3_000 });
    clearJwksCache();
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keys.a, keys.b);
    const rotated = await authenticateRequest(bearer(await signToken(keys.b)), options(secretKey, store));
    expect(rotated.status).toBe("signed-in");
  });

  it("marked as refetched for a kid a day ahead does not hold off rotation", async () => {
    const secretKey = freshSecretKey();
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keys.a, keys.b);
    const data = new Map<string, StoredJwks>();
    const store: JwksStore = { get: (key) => data.get(key), set: (key, value) => void data.set(key, value) };
    await authenticateRequest(bearer(await signToken(keys.a)), options(secretKey, store));
    const [cacheKey] = [...data.keys()];
    data.set(cacheKey!, {
      jwks: { keys: [keys.a.jwk] },
      fetchedAt: Date.now() + 86_400_000,
      refetchedForKid: true,
    });
    clearJwksCache();
    const state = await authenticateRequest(bearer(await signToken(keys.b)), options(secretKey, store));
    expect(state.status).toBe("signed-in");
  });
});
