import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authenticateRequest,
  type AuthenticateRequestOptions,
  type RequestState,
  type TokenVerificationReason,
} from "../../../src/auth/index.js";
import { TOKEN_VERIFICATION_REASONS } from "../../../src/auth/errors.js";
import { FakeClerk, clerkErrors } from "../support/clerk-server.js";
import { freshSecretKey, hex32, jwksReply } from "../support/fixtures.js";
import { makeKey, nowSeconds, sessionClaims, signToken, type TestKey } from "../support/keys.js";

// One real request per documented reason, end to end: the README's table and
// this list cannot drift apart without a failing test.
const clerk = new FakeClerk();
let rsa: TestKey;
let otherRsa: TestKey;
let ec: TestKey;

beforeAll(async () => {
  await clerk.start();
  [rsa, otherRsa, ec] = await Promise.all([makeKey(), makeKey(), makeKey("ES256")]);
  clerk.routes = {
    "GET /v1/jwks": (req) => {
      const auth = req.headers.authorization ?? "";
      if (auth.endsWith("_revoked")) return { status: 401, body: clerkErrors("authentication_invalid") };
      if (auth.endsWith("_down")) return { status: 503, body: clerkErrors("unavailable") };
      if (auth.endsWith("_ec_only")) return jwksReply(ec);
      return jwksReply(rsa);
    },
    "POST /v1/api_keys/verify": () => ({ status: 404, body: clerkErrors("api_key_not_found") }),
    "POST /v1/m2m_tokens/verify": () => ({ status: 500, body: clerkErrors("internal") }),
  };
});
afterAll(() => clerk.stop());

const request = (headers: Record<string, string> = {}) => new Request("https://app.example.test/", { headers });
const withToken = (token: string) => request({ authorization: `Bearer ${token}` });
const viaClerk = (extra: Partial<AuthenticateRequestOptions> = {}): AuthenticateRequestOptions => ({
  secretKey: freshSecretKey(),
  serverUrl: clerk.serverUrl,
  retries: { strategy: "backoff", backoff: { initialInterval: 5, maxInterval: 10, exponent: 1.5, maxElapsedTime: 50 } },
  ...extra,
});
const pem = (extra: Partial<AuthenticateRequestOptions> = {}): AuthenticateRequestOptions => ({
  jwtKey: rsa.pem,
  ...extra,
});
const now = nowSeconds;

const scenarios: Record<TokenVerificationReason, () => Promise<RequestState>> = {
  "session-token-missing": async () => authenticateRequest(request(), pem()),
  "token-type-mismatch": async () => authenticateRequest(withToken(`ak_${hex32(1)}`), pem()),
  "secret-key-missing": async () => authenticateRequest(withToken(await signToken(rsa)), {}),
  "token-invalid": async () => authenticateRequest(withToken("not-a-jwt"), pem()),
  "token-invalid-algorithm": async () => authenticateRequest(withToken(await signToken(ec)), pem()),
  "token-invalid-signature": async () => authenticateRequest(withToken(await signToken(otherRsa)), pem()),
  "token-expired": async () =>
    authenticateRequest(
      withToken(await signToken(rsa, sessionClaims({ exp: now() - 600, iat: now() - 900, nbf: now() - 900 }))),
      pem(),
    ),
  "token-not-active-yet": async () =>
    authenticateRequest(withToken(await signToken(rsa, sessionClaims({ nbf: now() + 600 }))), pem()),
  "token-iat-in-the-future": async () =>
    authenticateRequest(withToken(await signToken(rsa, sessionClaims({ iat: now() + 600 }))), pem()),
  "token-invalid-authorized-parties": async () =>
    authenticateRequest(withToken(await signToken(rsa)), pem({ authorizedParties: ["https://other.example.test"] })),
  "token-invalid-audience": async () =>
    authenticateRequest(withToken(await signToken(rsa)), pem({ audiences: "api://orders" })),
  "jwk-kid-mismatch": async () => authenticateRequest(withToken(await signToken(otherRsa)), viaClerk()),
  "jwk-remote-failed-to-load": async () =>
    authenticateRequest(withToken(await signToken(rsa)), viaClerk({ secretKey: `${freshSecretKey()}_down` })),
  "jwk-remote-invalid": async () =>
    authenticateRequest(withToken(await signToken(rsa)), viaClerk({ secretKey: `${freshSecretKey()}_ec_only` })),
  "jwk-local-invalid": async () => authenticateRequest(withToken(await signToken(rsa)), { jwtKey: ec.pem }),
  "secret-key-invalid": async () =>
    authenticateRequest(withToken(await signToken(rsa)), viaClerk({ secretKey: `${freshSecretKey()}_revoked` })),
  "machine-token-invalid": async () =>
    authenticateRequest(withToken(`ak_${hex32(2)}`), viaClerk({ acceptsToken: "api_key" })),
  "unexpected-error": async () =>
    authenticateRequest(withToken(`mt_${hex32(3)}`), viaClerk({ acceptsToken: ["m2m_token"] })),
};

describe("every documented reason comes from a real request", () => {
  it("has one scenario per reason", () => {
    expect(Object.keys(scenarios).sort()).toEqual([...TOKEN_VERIFICATION_REASONS].sort());
  });

  it.each(Object.entries(scenarios))("%s", async (reason, scenario) => {
    const state = await scenario();
    expect(state.status).toBe("signed-out");
    expect(state.isAuthenticated).toBe(false);
    expect(state.reason).toBe(reason);
    expect(state.message?.length).toBeGreaterThan(0);
    expect(state.claims).toBeNull();
  });

  it("the HS256 alg-confusion forgery is one of them (token-invalid-algorithm)", async () => {
    const forged = await new SignJWT(sessionClaims())
      .setProtectedHeader({ alg: "HS256", kid: rsa.kid })
      .sign(new TextEncoder().encode(rsa.pem));
    expect((await authenticateRequest(withToken(forged), viaClerk())).reason).toBe("token-invalid-algorithm");
  });
});
