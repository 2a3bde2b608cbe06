import { describe, expect, it } from "vitest";
import { authenticateRequest, type AuthenticateRequestOptions, type MachineAuth } from "../../../src/auth/index.js";
import { bearer, clerkErrors, useFakeClerk } from "../support/clerk-server.js";
import { MACHINE_ID, ORG_ID, USER_ID, apiKeyVerified, hex32, m2mVerified, oauthVerified } from "../support/fixtures.js";

const clerk = useFakeClerk();

const SECRET = "sk_test_machine_secret";
const MACHINE_SECRET = "ak_machine_secret_key_value";
const options = (extra: Partial<AuthenticateRequestOptions> = {}): AuthenticateRequestOptions => ({
  secretKey: SECRET,
  serverUrl: clerk.serverUrl,
  acceptsToken: "any",
  ...extra,
});

const cases = [
  {
    tokenType: "m2m_token",
    token: `mt_${hex32(1)}`,
    path: "/v1/m2m_tokens/verify",
    bodyKey: "token",
    reply: (token: string) => m2mVerified(token),
    expected: {
      subject: MACHINE_ID,
      machineId: MACHINE_ID,
      userId: null,
      orgId: null,
      clientId: null,
      name: null,
      scopes: ["mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em"],
      claims: { tier: "gold" },
    },
  },
  {
    tokenType: "api_key",
    token: `ak_${hex32(2)}`,
    path: "/v1/api_keys/verify",
    bodyKey: "secret",
    reply: (token: string) => apiKeyVerified(token),
    expected: {
      subject: ORG_ID,
      orgId: ORG_ID,
      userId: null,
      machineId: null,
      name: "BILLING_SERVICE",
      clientId: null,
      scopes: ["read", "write"],
      claims: null,
    },
  },
  {
    tokenType: "oauth_token",
    token: `oat_${hex32(3)}`,
    path: "/v1/oauth_applications/access_tokens/verify",
    bodyKey: "access_token",
    reply: (token: string) => oauthVerified(token),
    expected: {
      subject: USER_ID,
      userId: USER_ID,
      orgId: null,
      machineId: null,
      clientId: "client_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
      name: null,
      scopes: ["profile", "email"],
      claims: null,
    },
  },
] as const;

describe.each(cases)("$tokenType verification", ({ tokenType, token, path, bodyKey, reply, expected }) => {
  it("POSTs the token to its verify endpoint with the secret key and signs in", async () => {
    clerk.routes[`POST ${path}`] = () => ({ status: 200, body: reply(token) });
    const state = await authenticateRequest(bearer(token), options());
    expect(state.status).toBe("signed-in");
    expect(state.tokenType).toBe(tokenType);
    expect(clerk.requests).toHaveLength(1);
    const sent = clerk.requests[0]!;
    expect(sent.method).toBe("POST");
    expect(sent.path).toBe(path);
    expect(JSON.parse(sent.body)).toEqual({ [bodyKey]: token });
    expect(sent.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(sent.headers["content-type"]).toContain("application/json");
    const auth = state.toAuth() as MachineAuth;
    expect(auth).toMatchObject({ tokenType, isAuthenticated: true, id: token, ...expected });
  });

  it("uses the machine secret key for M2M tokens (even beside a secret key), the secret key for others", async () => {
    clerk.routes[`POST ${path}`] = () => ({ status: 200, body: reply(token) });
    const machineOnly = await authenticateRequest(
      bearer(token),
      options({ secretKey: undefined, machineSecretKey: MACHINE_SECRET }),
    );
    const both = await authenticateRequest(bearer(token), options({ machineSecretKey: MACHINE_SECRET }));
    expect(both.status).toBe("signed-in");
    if (tokenType === "m2m_token") {
      expect(machineOnly.status).toBe("signed-in");
      expect(clerk.requests.map((r) => r.headers.authorization)).toEqual([
        `Bearer ${MACHINE_SECRET}`,
        `Bearer ${MACHINE_SECRET}`,
      ]);
    } else {
      // As @clerk/backend: API keys and OAuth tokens are verified with the instance's secret key only.
      expect(machineOnly.reason).toBe("secret-key-missing");
      expect(clerk.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${SECRET}`]);
    }
  });

  it("maps 404 to machine-token-invalid, 401 to secret-key-invalid, others to unexpected-error", async () => {
    const outcomes: Array<[number, string]> = [
      [404, "machine-token-invalid"],
      [401, "secret-key-invalid"],
      [400, "unexpected-error"],
      [500, "unexpected-error"],
    ];
    for (const [status, reason] of outcomes) {
      clerk.routes[`POST ${path}`] = () => ({ status, body: clerkErrors(`status_${status}`) });
      const state = await authenticateRequest(bearer(token), options());
      expect(state.status).toBe("signed-out");
      expect([status, state.reason]).toEqual([status, reason]);
      expect(state.message).not.toContain(SECRET);
      expect(state.toAuth()).toMatchObject({
        tokenType,
        isAuthenticated: false,
        id: null,
        subject: null,
        userId: null,
      });
    }
  });

  it("treats a revoked or expired token in a 200 answer as invalid", async () => {
    for (const flag of [{ revoked: true, revocation_reason: "leaked" }, { expired: true }]) {
      clerk.routes[`POST ${path}`] = () => ({ status: 200, body: { ...(reply(token) as object), ...flag } });
      expect((await authenticateRequest(bearer(token), options())).reason).toBe("machine-token-invalid");
    }
  });

  it("reports secret-key-missing without either key, with no request sent", async () => {
    const state = await authenticateRequest(bearer(token), options({ secretKey: undefined }));
    expect(state.reason).toBe("secret-key-missing");
    expect(clerk.requests).toHaveLength(0);
  });
});

describe("machine token details", () => {
  it("accepts the m2m_ prefix as an M2M token", async () => {
    clerk.routes["POST /v1/m2m_tokens/verify"] = () => ({ status: 200, body: m2mVerified(`mt_${hex32(9)}`) });
    const state = await authenticateRequest(bearer("m2m_legacy_token_value"), options());
    expect(state.tokenType).toBe("m2m_token");
    expect(JSON.parse(clerk.requests[0]!.body)).toEqual({ token: "m2m_legacy_token_value" });
  });

  it("reports machine-token-invalid for an inactive OAuth token ({ active: false })", async () => {
    clerk.routes["POST /v1/oauth_applications/access_tokens/verify"] = () => ({ status: 200, body: { active: false } });
    expect((await authenticateRequest(bearer(`oat_${hex32(4)}`), options())).reason).toBe("machine-token-invalid");
  });

  it("never takes a machine token from the cookie", async () => {
    const request = new Request("https://api.example.test/", { headers: { cookie: `__session=ak_${hex32(5)}` } });
    const state = await authenticateRequest(request, options());
    expect(state.tokenType).toBe("session_token");
    expect(state.reason).toBe("token-invalid");
    expect(clerk.requests).toHaveLength(0);
  });
});
