// The JWKS across isolates: one fetch for a cold burst, a
// shared store that a fresh isolate reads instead of Clerk, and a JWKS passed
// in directly for zero network. Real node:http server; the workerd test
// (test/auth/workerd) runs the Cache API adapter in two real isolates.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  authenticateRequest,
  type AuthenticateRequestOptions,
  type JwksStore,
  type StoredJwks,
} from "../../../src/auth/index.js";
import { clearJwksCache } from "../../../src/auth/jwksCache.js";
import type { RetryConfig } from "../../../src/retries/config.js";
import { bearer, useFakeClerk } from "../support/clerk-server.js";
import { freshSecretKey, jwksReply } from "../support/fixtures.js";
import { makeKey, signToken } from "../support/keys.js";
import { useTwoKeys } from "../support/two-keys.js";

const clerk = useFakeClerk();
const keys = useTwoKeys();
afterEach(() => vi.useRealTimers());

const noRetries: RetryConfig = { strategy: "none" };
const jwksFetches = () => clerk.count("GET", "/v1/jwks");
const options = (secretKey: string, extra: Partial<AuthenticateRequestOptions> = {}): AuthenticateRequestOptions => ({
  secretKey,
  serverUrl: clerk.serverUrl,
  retries: noRetries,
  ...extra,
});

/** A store in a Map, as a KV or Redis adapter would be, counting its reads and writes. */
function mapStore() {
  const data = new Map<string, StoredJwks>();
  const counts = { get: 0, set: 0 };
  const store: JwksStore = {
    get: async (key) => (counts.get++, data.get(key)),
    set: async (key, value) => void (counts.set++, data.set(key, JSON.parse(JSON.stringify(value)) as StoredJwks)),
  };
  return { store, data, counts };
}

const burst = (n: number, token: string, opts: AuthenticateRequestOptions) =>
  Promise.all(Array.from({ length: n }, () => authenticateRequest(bearer(token), opts)));

describe("JWKS store", () => {
  it("100 concurrent cold verifications make exactly one JWKS request", async () => {
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keys.a);
    const states = await burst(100, await signToken(keys.a), options(freshSecretKey()));
    expect(states.every((s) => s.status === "signed-in")).toBe(true);
    expect(jwksFetches()).toBe(1);
  });

  it("a fresh isolate (empty memory) reads the shared store instead of Clerk: two bursts of 100, one fetch", async () => {
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keys.a, keys.b);
    const { store, data, counts } = mapStore();
    const secretKey = freshSecretKey();
    const token = await signToken(keys.a);
    expect((await burst(100, token, options(secretKey, { jwksStore: store }))).every((s) => s.isAuthenticated)).toBe(
      true,
    );
    expect(jwksFetches()).toBe(1);
    expect(counts.set).toBe(1);
    // What the store holds: public parts only, never the secret key.
    const [storedKey, stored] = [...data.entries()][0]!;
    expect(storedKey).not.toContain(secretKey);
    expect(JSON.stringify(stored)).not.toMatch(/"d"|"p"|"q"/);

    clearJwksCache(); // what a new isolate starts with
    const second = await burst(100, await signToken(keys.b), options(secretKey, { jwksStore: store }));
    expect(second.every((s) => s.isAuthenticated)).toBe(true);
    expect(jwksFetches()).toBe(1);
  });

  it("on an unknown kid, a newer key set in the store (another isolate refetched) is used without a request", async () => {
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keys.a);
    const { store, data } = mapStore();
    const secretKey = freshSecretKey();
    expect(
      (await authenticateRequest(bearer(await signToken(keys.a)), options(secretKey, { jwksStore: store })))
        .isAuthenticated,
    ).toBe(true);
    const [storedKey, stored] = [...data.entries()][0]!;
    // Another isolate saw the rotation and stored the new set.
    data.set(storedKey, { jwks: { keys: [keys.a.jwk, keys.b.jwk] }, fetchedAt: stored.fetchedAt + 1 });
    expect(
      (await authenticateRequest(bearer(await signToken(keys.b)), options(secretKey, { jwksStore: store })))
        .isAuthenticated,
    ).toBe(true);
    expect(jwksFetches()).toBe(1);
  });

  it("unknown kids cost one fetch per 10 s across isolates sharing the store, not one per isolate", async () => {
    // Each isolate is a fresh copy of the modules: its own memory (key sets, cooldowns), one shared store.
    const newIsolate = async () => {
      vi.resetModules();
      return (await import("../../../src/auth/index.js")).authenticateRequest;
    };
    const { KID_REFETCH_COOLDOWN_MS } = await import("../../../src/auth/jwks.js");
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keys.a);
    const { store } = mapStore();
    const opts = options(freshSecretKey(), { jwksStore: store });
    const known = await signToken(keys.a);
    const madeUp = (n: number) => signToken({ ...keys.a, kid: `ins_made_up_${n}` });
    vi.useFakeTimers({ toFake: ["Date"] });

    const first = await newIsolate();
    expect((await first(bearer(known), opts)).isAuthenticated).toBe(true);
    expect((await first(bearer(await madeUp(1)), opts)).reason).toBe("jwk-kid-mismatch");
    expect(jwksFetches()).toBe(2); // the cold fetch, then one refetch for the unknown kid

    // Fresh isolates read the set from the store; their unknown kids fall inside the window.
    for (let n = 2; n <= 6; n++) {
      const isolate = await newIsolate();
      expect((await isolate(bearer(known), opts)).isAuthenticated).toBe(true);
      expect((await isolate(bearer(await madeUp(n)), opts)).reason).toBe("jwk-kid-mismatch");
    }
    expect(jwksFetches()).toBe(2);

    // Once the window has passed, the next unknown kid refetches once, for everyone.
    vi.setSystemTime(Date.now() + KID_REFETCH_COOLDOWN_MS);
    const late = await newIsolate();
    expect((await late(bearer(known), opts)).isAuthenticated).toBe(true);
    expect((await late(bearer(await madeUp(7)), opts)).reason).toBe("jwk-kid-mismatch");
    expect(jwksFetches()).toBe(3);
    const later = await newIsolate();
    expect((await later(bearer(known), opts)).isAuthenticated).toBe(true);
    expect((await later(bearer(await madeUp(8)), opts)).reason).toBe("jwk-kid-mismatch");
    expect(jwksFetches()).toBe(3);
  });

  it("a fresh isolate whose stored set predates a rotation refetches on the new kid", async () => {
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keys.a);
    const { store } = mapStore();
    const opts = options(freshSecretKey(), { jwksStore: store });
    vi.useFakeTimers({ toFake: ["Date"] });
    expect((await authenticateRequest(bearer(await signToken(keys.a)), opts)).isAuthenticated).toBe(true);
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keys.a, keys.b); // Clerk rotated in key B
    vi.setSystemTime(Date.now() + 60_000);
    clearJwksCache(); // a new isolate: its first request carries the new kid
    expect((await authenticateRequest(bearer(await signToken(keys.b)), opts)).isAuthenticated).toBe(true);
    expect(jwksFetches()).toBe(2);
  });

  it("a store that throws, hangs on nothing, or holds junk is a miss: keys still come from Clerk", async () => {
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keys.a);
    const token = await signToken(keys.a);
    const broken: JwksStore[] = [
      {
        get: () => {
          throw new Error("down");
        },
        set: () => {
          throw new Error("down");
        },
      },
      { get: async () => ({ jwks: "junk", fetchedAt: Date.now() }), set: async () => {} },
      { get: async () => "nonsense" as never, set: async () => {} },
    ];
    for (const jwksStore of broken) {
      expect((await authenticateRequest(bearer(token), options(freshSecretKey(), { jwksStore }))).status).toBe(
        "signed-in",
      );
    }
    expect(jwksFetches()).toBe(3);
  });

  it("an expired stored set is not used", async () => {
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keys.a);
    const { store, data } = mapStore();
    const secretKey = freshSecretKey();
    await authenticateRequest(bearer(await signToken(keys.a)), options(secretKey, { jwksStore: store }));
    const [storedKey, stored] = [...data.entries()][0]!;
    data.set(storedKey, { ...stored, fetchedAt: Date.now() - 6 * 60 * 1000 });
    clearJwksCache();
    await authenticateRequest(bearer(await signToken(keys.a)), options(secretKey, { jwksStore: store }));
    expect(jwksFetches()).toBe(2);
  });
});

describe("a JWKS passed in directly", () => {
  it("verifies with zero network and no secret key", async () => {
    let fetched = 0;
    const opts: AuthenticateRequestOptions = {
      jwks: { keys: [keys.a.jwk, keys.b.jwk] },
      fetch: async () => (fetched++, new Response("{}")),
    };
    for (const key of [keys.a, keys.b]) {
      expect((await authenticateRequest(bearer(await signToken(key)), opts)).status).toBe("signed-in");
    }
    expect((await burst(20, await signToken(keys.a), opts)).every((s) => s.isAuthenticated)).toBe(true);
    expect(fetched).toBe(0);
    expect(jwksFetches()).toBe(0);
  });

  it("an unknown kid is jwk-kid-mismatch (no refetch), a set without RSA keys jwk-local-invalid, a forged token token-invalid-signature", async () => {
    const other = await makeKey();
    const opts: AuthenticateRequestOptions = { jwks: { keys: [keys.a.jwk] }, serverUrl: clerk.serverUrl };
    expect((await authenticateRequest(bearer(await signToken(keys.b)), opts)).reason).toBe("jwk-kid-mismatch");
    expect((await authenticateRequest(bearer(await signToken({ ...other, kid: keys.a.kid })), opts)).reason).toBe(
      "token-invalid-signature",
    );
    for (const jwks of [{ keys: [] }, { keys: "nope" }, "junk"]) {
      expect((await authenticateRequest(bearer(await signToken(keys.a)), { jwks })).reason).toBe("jwk-local-invalid");
    }
    expect(jwksFetches()).toBe(0);
  });

  it("jwtKey wins over jwks", async () => {
    const state = await authenticateRequest(bearer(await signToken(keys.a)), {
      jwtKey: keys.b.pem,
      jwks: { keys: [keys.a.jwk] },
    });
    expect(state.reason).toBe("token-invalid-signature");
  });
});
