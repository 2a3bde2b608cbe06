// M2M tokens in JWT format are verified locally, with the session-token key
// sources, and no call to Clerk's verify endpoint.
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateRequest, type MachineAuth } from "../../../src/auth/index.js";
import { bearer, useFakeClerk } from "../support/clerk-server.js";
import { freshSecretKey, jwksReply } from "../support/fixtures.js";
import { makeKey, nowSeconds, signToken, type TestKey } from "../support/keys.js";

const clerk = useFakeClerk();
let key: TestKey;
let other: TestKey;
const M2M = { cat: "cl_B7d4PD333AAA" };
const machineClaims = (overrides: Record<string, unknown> = {}) => {
  const now = nowSeconds();
  return {
    sub: "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
    jti: "mt_0123456789abcdef",
    iss: "https://clerk.example.test",
    iat: now - 5,
    nbf: now - 5,
    exp: now + 60,
    scopes: "mch_a mch_b",
    tier: "gold",
    ...overrides,
  };
};

beforeAll(async () => {
  [key, other] = await Promise.all([makeKey(), makeKey()]);
});

describe("M2M tokens in JWT format", () => {
  it("verify locally with jwtKey: signed in as the machine, no request at all", async () => {
    let fetched = 0;
    const token = await signToken(key, machineClaims(), M2M);
    const state = await authenticateRequest(bearer(token), {
      jwtKey: key.pem,
      acceptsToken: "m2m_token",
      fetch: async () => (fetched++, new Response("{}")),
    });
    expect(state.status).toBe("signed-in");
    expect(state.tokenType).toBe("m2m_token");
    const auth = state.toAuth() as MachineAuth;
    expect(auth).toMatchObject({
      tokenType: "m2m_token",
      id: "mt_0123456789abcdef",
      subject: "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
      machineId: "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
      scopes: ["mch_a", "mch_b"],
      claims: { tier: "gold" },
    });
    expect(fetched).toBe(0);
  });

  it("are told apart by their header or a machine subject; with the JWKS: one JWKS fetch and no verify call", async () => {
    clerk.routes["GET /v1/jwks"] = () => jwksReply(key);
    const opts = {
      secretKey: freshSecretKey(),
      serverUrl: clerk.serverUrl,
      acceptsToken: ["session_token", "m2m_token"] as const,
    };
    const byHeader = await authenticateRequest(bearer(await signToken(key, machineClaims(), M2M)), opts);
    const bySubject = await authenticateRequest(
      bearer(await signToken(key, machineClaims({ aud: ["mch_c"], scopes: undefined }))),
      opts,
    );
    const session = await authenticateRequest(bearer(await signToken(key, machineClaims({ sub: "user_1" }))), opts);
    expect([byHeader.tokenType, bySubject.tokenType, session.tokenType]).toEqual([
      "m2m_token",
      "m2m_token",
      "session_token",
    ]);
    expect([byHeader.status, bySubject.status, session.status]).toEqual(["signed-in", "signed-in", "signed-in"]);
    expect((bySubject.toAuth() as MachineAuth).scopes).toEqual(["mch_c"]);
    expect(clerk.count("GET", "/v1/jwks")).toBe(1);
    expect(clerk.requests.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("get the session checks' reasons: forged, expired, not yet valid, wrong algorithm", async () => {
    const opts = { jwtKey: key.pem, acceptsToken: "m2m_token" as const };
    const now = nowSeconds();
    const cases: [string, string][] = [
      ["token-invalid-signature", await signToken({ ...other, kid: key.kid }, machineClaims(), M2M)],
      ["token-expired", await signToken(key, machineClaims({ exp: now - 3600 }), M2M)],
      ["token-not-active-yet", await signToken(key, machineClaims({ nbf: now + 3600 }), M2M)],
      ["token-invalid", await signToken(key, machineClaims(), { cat: "cl_B7d4PD222AAA", sub: undefined })],
    ];
    for (const [reason, token] of cases) {
      const state = await authenticateRequest(bearer(token), opts);
      expect(state.reason, reason).toBe(reason);
    }
  });

  it("where M2M tokens are not accepted, one is token-type-mismatch before any key lookup", async () => {
    const state = await authenticateRequest(bearer(await signToken(key, machineClaims(), M2M)), { jwtKey: "junk" });
    expect(state.reason).toBe("token-type-mismatch");
    expect(state.tokenType).toBe("session_token");
  });
});
