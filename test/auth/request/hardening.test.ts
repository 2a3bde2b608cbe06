// Auth against hostile servers and stuck cores, each on a real local server: JWKS failures are
// remembered briefly (a burst of requests makes one fetch), a JWKS key that is
// too short or malformed blames the key set (not the token), and a core whose
// secret-key provider never answers still lets authenticateRequest end.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ClerkCore } from "../../../src/core.js";
import { authenticateRequest, type AuthenticateRequestOptions } from "../../../src/auth/index.js";
import { JWKS_FAILURE_TTL_MS } from "../../../src/auth/jwks.js";
import type { RetryConfig } from "../../../src/retries/config.js";
import { bearer, clerkErrors, useFakeClerk } from "../support/clerk-server.js";
import { freshSecretKey, jwksReply } from "../support/fixtures.js";
import { makeKey, sessionClaims, type TestKey } from "../support/keys.js";
import { signToken } from "../support/keys.js";

const clerk = useFakeClerk();
let key: TestKey;

beforeAll(async () => {
  key = await makeKey();
});
afterEach(() => vi.useRealTimers());

const noRetries: RetryConfig = { strategy: "none" };
const fastRetries: RetryConfig = {
  strategy: "backoff",
  backoff: { initialInterval: 5, maxInterval: 20, exponent: 1.5, maxElapsedTime: 200 },
  statusCodes: ["5XX"],
  retryConnectionErrors: true,
};
/** Clerk down, asking to be retried at once. */
const unavailable = () => ({ status: 503, headers: { "retry-after": "0" }, body: clerkErrors("service_unavailable") });
const jwksFetches = () => clerk.count("GET", "/v1/jwks");
const options = (secretKey: string, extra: Partial<AuthenticateRequestOptions> = {}): AuthenticateRequestOptions => ({
  secretKey,
  serverUrl: clerk.serverUrl,
  retries: noRetries,
  ...extra,
});

describe("JWKS failures are remembered briefly (negative caching)", () => {
  it("a burst of 40 requests during a 503 + Retry-After: 0 makes one JWKS request, then recovers after the window", async () => {
    clerk.routes["GET /v1/jwks"] = unavailable;
    const secretKey = freshSecretKey();
    const token = await signToken(key);
    const sequential = [];
    for (let i = 0; i < 20; i++) sequential.push(await authenticateRequest(bearer(token), options(secretKey)));
    const concurrent = await Promise.all(
      Array.from({ length: 20 }, () => authenticateRequest(bearer(token), options(secretKey))),
    );
    for (const state of [...sequential, ...concurrent]) expect(state.reason).toBe("jwk-remote-failed-to-load");
    expect(jwksFetches()).toBe(1); // before the fix: 40

    // Clerk is back; once the failure window has passed, the next request fetches again.
    clerk.routes["GET /v1/jwks"] = () => jwksReply(key);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + JWKS_FAILURE_TTL_MS + 1 });
    expect((await authenticateRequest(bearer(token), options(secretKey))).status).toBe("signed-in");
    expect(jwksFetches()).toBe(2);
  });

  it("with retries, only the first request's attempts reach Clerk; the burst after it adds none", async () => {
    clerk.routes["GET /v1/jwks"] = unavailable;
    const secretKey = freshSecretKey();
    const token = await signToken(key);
    await authenticateRequest(bearer(token), options(secretKey, { retries: fastRetries }));
    const firstLoad = jwksFetches();
    expect(firstLoad).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 30; i++) await authenticateRequest(bearer(token), options(secretKey, { retries: fastRetries }));
    expect(jwksFetches()).toBe(firstLoad);
  });

  it("remembers a rejected secret key (401) and an invalid key set the same way", async () => {
    const token = await signToken(key);
    clerk.routes["GET /v1/jwks"] = () => ({ status: 401, body: clerkErrors("authentication_invalid") });
    const badKey = freshSecretKey();
    for (let i = 0; i < 5; i++)
      expect((await authenticateRequest(bearer(token), options(badKey))).reason).toBe("secret-key-invalid");
    expect(jwksFetches()).toBe(1);
    clerk.routes["GET /v1/jwks"] = () => ({ status: 200, body: { keys: [] } });
    const other = freshSecretKey();
    for (let i = 0; i < 5; i++)
      expect((await authenticateRequest(bearer(token), options(other))).reason).toBe("jwk-remote-invalid");
    expect(jwksFetches()).toBe(2);
  });
});

/** An RS256 JWT signed with a raw WebCrypto key (jose refuses to sign with keys under 2048 bits). */
async function signRaw(privateKey: CryptoKey, kid: string): Promise<string> {
  const enc = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${enc({ alg: "RS256", kid, typ: "JWT" })}.${enc(sessionClaims())}`;
  const signature = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", privateKey, new TextEncoder().encode(input));
  return `${input}.${Buffer.from(signature).toString("base64url")}`;
}

async function shortKey(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  );
}

describe("a JWKS key that cannot be a Clerk signing key blames the key set", () => {
  it("a 1024-bit modulus is jwk-remote-invalid, not token-invalid", async () => {
    const pair = await shortKey();
    const jwk = {
      ...(await crypto.subtle.exportKey("jwk", pair.publicKey)),
      kid: "ins_short",
      alg: "RS256",
      use: "sig",
    };
    clerk.routes["GET /v1/jwks"] = () => ({ status: 200, body: { keys: [jwk] } });
    const state = await authenticateRequest(
      bearer(await signRaw(pair.privateKey, "ins_short")),
      options(freshSecretKey()),
    );
    expect(state.reason).toBe("jwk-remote-invalid");
  });

  it("a malformed modulus is jwk-remote-invalid", async () => {
    const token = await signToken(key);
    for (const n of ["@@not base64url@@", "AQAB", ""]) {
      clerk.routes["GET /v1/jwks"] = () => ({ status: 200, body: { keys: [{ ...key.jwk, n }] } });
      const state = await authenticateRequest(bearer(token), options(freshSecretKey()));
      expect(state.reason, `n = ${JSON.stringify(n)}`).toBe("jwk-remote-invalid");
    }
  });

  it("a 1024-bit jwtKey is jwk-local-invalid", async () => {
    const pair = await shortKey();
    const spki = Buffer.from(await crypto.subtle.exportKey("spki", pair.publicKey)).toString("base64");
    const state = await authenticateRequest(bearer(await signRaw(pair.privateKey, "ins_short")), { jwtKey: spki });
    expect(state.reason).toBe("jwk-local-invalid");
  });
});

describe("a core whose secret-key provider never answers", () => {
  it("still ends within the core's timeout, signed out", async () => {
    clerk.routes["GET /v1/jwks"] = () => jwksReply(key);
    const core = new ClerkCore({
      bearerAuth: () => new Promise<string>(() => {}),
      serverUrl: clerk.serverUrl,
      timeoutMs: 200,
    });
    const token = await signToken(key);
    const outcome = await Promise.race([
      authenticateRequest(bearer(token), { core, retries: noRetries }),
      new Promise<"still pending">((resolve) => setTimeout(() => resolve("still pending"), 10_000)),
    ]);
    expect(outcome).not.toBe("still pending");
    expect((outcome as { reason: string }).reason).toBe("secret-key-missing");
    expect(jwksFetches()).toBe(0);
  });
});

describe("a core with timeoutMs 0 (no time limit)", () => {
  it("waits for a slow secret-key provider instead of giving up at once", async () => {
    clerk.routes["GET /v1/jwks"] = () => jwksReply(key);
    const secretKey = freshSecretKey();
    const core = new ClerkCore({
      bearerAuth: () => new Promise<string>((resolve) => setTimeout(resolve, 50, secretKey)),
      serverUrl: clerk.serverUrl,
      timeoutMs: 0,
    });
    const state = await authenticateRequest(bearer(await signToken(key)), { core, retries: noRetries });
    expect(state.reason).toBeNull();
    expect(state.isAuthenticated).toBe(true);
    expect(jwksFetches()).toBe(1);
  });
});

// The runtime races a custom fetch against the attempt's timeout.
describe("a core whose fetch never answers and ignores the abort signal", () => {
  it("still ends within the time limit, with jwk-remote-failed-to-load", async () => {
    let calls = 0;
    const core = new ClerkCore({
      bearerAuth: freshSecretKey(),
      serverUrl: clerk.serverUrl,
      timeoutMs: 200,
      fetch: () => {
        calls++;
        return new Promise<Response>(() => {});
      },
    });
    const outcome = await Promise.race([
      authenticateRequest(bearer(await signToken(key)), { core, retries: noRetries }),
      new Promise<"still pending">((resolve) => setTimeout(() => resolve("still pending"), 10_000)),
    ]);
    expect(outcome).not.toBe("still pending");
    expect((outcome as { reason: string }).reason).toBe("jwk-remote-failed-to-load");
    expect(calls).toBe(1);
  });
});
