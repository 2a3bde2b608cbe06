import { beforeAll, describe, expect, it } from "vitest";
import { ClerkCore } from "../../../src/core.js";
import { authenticateRequest, verifyToken, type AuthenticateRequestOptions } from "../../../src/auth/index.js";
import type { RetryConfig } from "../../../src/retries/config.js";
import { FakeClerk, bearer, clerkErrors, useFakeClerk } from "../support/clerk-server.js";
import { freshSecretKey, jwksReply } from "../support/fixtures.js";
import { makeKey, sessionClaims, signToken, type TestKey } from "../support/keys.js";

const fastRetries: RetryConfig = {
  strategy: "backoff",
  backoff: { initialInterval: 5, maxInterval: 20, exponent: 1.5, maxElapsedTime: 300 },
  statusCodes: ["5XX"],
  retryConnectionErrors: true,
};

const clerk = useFakeClerk();
let keyA: TestKey;
let keyB: TestKey;
let ecKey: TestKey;

beforeAll(async () => {
  [keyA, keyB, ecKey] = await Promise.all([makeKey(), makeKey("RS512"), makeKey("ES256")]);
});

const jwksFetches = () => clerk.count("GET", "/v1/jwks");
const options = (secretKey: string, extra: Partial<AuthenticateRequestOptions> = {}): AuthenticateRequestOptions => ({
  secretKey,
  serverUrl: clerk.serverUrl,
  retries: fastRetries,
  ...extra,
});

describe("JWKS through the generated function", () => {
  it("fetches GET /jwks with the secret key as bearer and the API version header", async () => {
    const secretKey = freshSecretKey();
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keyA);
    const state = await authenticateRequest(bearer(await signToken(keyA)), options(secretKey));
    expect(state.status).toBe("signed-in");
    expect(jwksFetches()).toBe(1);
    const sent = clerk.requests[0]!;
    expect(sent.headers.authorization).toBe(`Bearer ${secretKey}`);
    expect(sent.headers["clerk-api-version"]).toBe("2026-05-12");
  });

  it("caches keys: one fetch for many verifications, sequential and concurrent", async () => {
    const secretKey = freshSecretKey();
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keyA, keyB);
    const tokens = await Promise.all([signToken(keyA), signToken(keyB), signToken(keyA)]);
    const concurrent = await Promise.all(
      Array.from({ length: 12 }, (_, i) => authenticateRequest(bearer(tokens[i % 3]!), options(secretKey))),
    );
    expect(concurrent.every((s) => s.status === "signed-in")).toBe(true);
    for (const token of tokens) expect((await verifyToken(token, options(secretKey))).ok).toBe(true);
    expect(jwksFetches()).toBe(1);
  });

  it("scopes the cache per secret key: one tenant's keys are never served to another", async () => {
    const tenantA = freshSecretKey();
    const tenantB = freshSecretKey();
    clerk.routes["GET /v1/jwks"] = (req) =>
      req.headers.authorization === `Bearer ${tenantA}` ? jwksReply(keyA) : jwksReply(keyB);
    const tokenA = await signToken(keyA);
    expect((await authenticateRequest(bearer(tokenA), options(tenantA))).status).toBe("signed-in");
    const crossTenant = await authenticateRequest(bearer(tokenA), options(tenantB));
    expect(crossTenant.reason).toBe("jwk-kid-mismatch");
    // One fetch each; B's keys were just fetched, so the unknown kid needs no refetch.
    expect(jwksFetches()).toBe(2);
    expect((await authenticateRequest(bearer(await signToken(keyB)), options(tenantB))).status).toBe("signed-in");
    expect((await authenticateRequest(bearer(tokenA), options(tenantA))).status).toBe("signed-in");
    expect(jwksFetches()).toBe(2);
  });

  it("scopes the cache per server URL too", async () => {
    const secretKey = freshSecretKey();
    const other = new FakeClerk();
    await other.start();
    try {
      clerk.routes["GET /v1/jwks"] = () => jwksReply(keyA);
      other.routes["GET /v1/jwks"] = () => jwksReply(keyA);
      const token = await signToken(keyA);
      await authenticateRequest(bearer(token), options(secretKey));
      await authenticateRequest(bearer(token), options(secretKey, { serverUrl: other.serverUrl }));
      expect(jwksFetches()).toBe(1);
      expect(other.count("GET", "/v1/jwks")).toBe(1);
    } finally {
      await other.stop();
    }
  });

  it("refetches once on an unknown kid (rotation), and names no kids when none match", async () => {
    const secretKey = freshSecretKey();
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keyA);
    expect((await authenticateRequest(bearer(await signToken(keyA)), options(secretKey))).status).toBe("signed-in");
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keyA, keyB); // Clerk rotated in key B
    expect((await authenticateRequest(bearer(await signToken(keyB)), options(secretKey))).status).toBe("signed-in");
    expect(jwksFetches()).toBe(2);
    expect((await authenticateRequest(bearer(await signToken(keyB)), options(secretKey))).status).toBe("signed-in");
    expect(jwksFetches()).toBe(2);

    const unknown = await signToken({ ...keyA, kid: "ins_unknown_kid" });
    const state = await authenticateRequest(bearer(unknown), options(secretKey));
    expect(state.reason).toBe("jwk-kid-mismatch");
    expect(state.message).not.toContain(keyA.kid);
    expect(state.message).not.toContain(keyB.kid);
    // The rotation refetch just happened: an unknown kid now does not refetch again.
    expect(jwksFetches()).toBe(2);
  });

  it("bounds unknown-kid refetches: a flood of made-up kids costs at most one JWKS fetch", async () => {
    const secretKey = freshSecretKey();
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keyA);
    expect((await authenticateRequest(bearer(await signToken(keyA)), options(secretKey))).status).toBe("signed-in");
    expect(jwksFetches()).toBe(1);
    for (let i = 0; i < 20; i++) {
      const forged = await signToken({ ...keyA, kid: `ins_made_up_${i}` });
      expect((await authenticateRequest(bearer(forged), options(secretKey))).reason).toBe("jwk-kid-mismatch");
    }
    expect(jwksFetches()).toBe(2);
    // Known kids keep working from the cache meanwhile.
    expect((await authenticateRequest(bearer(await signToken(keyA)), options(secretKey))).status).toBe("signed-in");
    expect(jwksFetches()).toBe(2);
  });

  it("fetches every time with skipJwksCache", async () => {
    const secretKey = freshSecretKey();
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keyA);
    const token = await signToken(keyA);
    for (let i = 0; i < 3; i++) {
      expect((await authenticateRequest(bearer(token), options(secretKey, { skipJwksCache: true }))).status).toBe(
        "signed-in",
      );
    }
    expect(jwksFetches()).toBe(3);
  });

  it("uses a passed ClerkCore: its server, fetch and secret key", async () => {
    const secretKey = freshSecretKey();
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keyA);
    let fetched = 0;
    const core = new ClerkCore({
      bearerAuth: () => secretKey,
      serverUrl: clerk.serverUrl,
      fetch: (input, init) => {
        fetched++;
        return fetch(input, init);
      },
    });
    const state = await authenticateRequest(bearer(await signToken(keyA)), { core, retries: fastRetries });
    expect(state.status).toBe("signed-in");
    expect(fetched).toBe(1);
    expect(clerk.requests[0]!.headers.authorization).toBe(`Bearer ${secretKey}`);
  });
});

describe("JWKS failures", () => {
  it("retries a failing JWKS with backoff, then jwk-remote-failed-to-load", async () => {
    clerk.routes["GET /v1/jwks"] = () => ({ status: 503, body: clerkErrors("service_unavailable") });
    const state = await authenticateRequest(bearer(await signToken(keyA)), options(freshSecretKey()));
    expect(state.reason).toBe("jwk-remote-failed-to-load");
    expect(jwksFetches()).toBeGreaterThan(1);
  });

  it("recovers when a retry succeeds", async () => {
    let calls = 0;
    clerk.routes["GET /v1/jwks"] = () =>
      ++calls === 1 ? { status: 502, body: "<html>bad gateway</html>" } : jwksReply(keyA);
    const state = await authenticateRequest(bearer(await signToken(keyA)), options(freshSecretKey()));
    expect(state.status).toBe("signed-in");
    expect(jwksFetches()).toBe(2);
  });

  it("reports jwk-remote-failed-to-load when Clerk cannot be reached", async () => {
    const gone = new FakeClerk();
    await gone.start();
    const serverUrl = gone.serverUrl;
    await gone.stop();
    const state = await authenticateRequest(bearer(await signToken(keyA)), options(freshSecretKey(), { serverUrl }));
    expect(state.reason).toBe("jwk-remote-failed-to-load");
  });

  it("reports secret-key-invalid on a 401, without retrying", async () => {
    clerk.routes["GET /v1/jwks"] = () => ({
      status: 401,
      body: clerkErrors("authentication_invalid", "Invalid secret key"),
    });
    const secretKey = freshSecretKey();
    const state = await authenticateRequest(bearer(await signToken(keyA)), options(secretKey));
    expect(state.reason).toBe("secret-key-invalid");
    expect(state.message).not.toContain(secretKey);
    expect(jwksFetches()).toBe(1);
  });

  it("reports jwk-remote-invalid for a key set without usable RSA keys", async () => {
    for (const body of [
      { keys: [] },
      { keys: [ecKey.jwk] },
      { keys: [{ kty: "oct", kid: keyA.kid, alg: "HS256", use: "sig", k: "c2VjcmV0" }] },
    ]) {
      clerk.routes["GET /v1/jwks"] = () => ({ status: 200, body });
      const state = await authenticateRequest(bearer(await signToken(keyA)), options(freshSecretKey()));
      expect(state.reason).toBe("jwk-remote-invalid");
    }
  });

  it("reports jwk-remote-invalid for a body that is not a key set", async () => {
    clerk.routes["GET /v1/jwks"] = () => ({ status: 200, body: { keys: "nope" } });
    const state = await authenticateRequest(bearer(await signToken(keyA)), options(freshSecretKey()));
    expect(state.reason).toBe("jwk-remote-invalid");
  });

  it("rejects a token whose alg differs from its JWKS key's alg", async () => {
    // keyB signs RS512, but the key set declares its key for RS256 only.
    clerk.routes["GET /v1/jwks"] = () => ({ status: 200, body: { keys: [{ ...keyB.jwk, alg: "RS256" }] } });
    const rs512 = await signToken(keyB, sessionClaims());
    const state = await authenticateRequest(bearer(rs512), options(freshSecretKey()));
    expect(state.reason).toBe("token-invalid-algorithm");
  });

  it("reports token-invalid-signature for a forged token whose kid exists", async () => {
    clerk.routes["GET /v1/jwks"] = () => jwksReply(keyA);
    const other = await makeKey();
    const forged = await signToken({ ...other, kid: keyA.kid });
    expect((await authenticateRequest(bearer(forged), options(freshSecretKey()))).reason).toBe(
      "token-invalid-signature",
    );
  });
});
