import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { authenticateRequest, type AcceptsToken, type MachineAuth } from "../../../src/auth/index.js";
import { FakeClerk } from "../support/clerk-server.js";
import { apiKeyVerified, hex32, m2mVerified, oauthVerified } from "../support/fixtures.js";
import { makeKey, signToken, type TestKey } from "../support/keys.js";

const clerk = new FakeClerk();
let key: TestKey;
const tokens = {
  session_token: "",
  m2m_token: `mt_${hex32(11)}`,
  oauth_token: `oat_${hex32(12)}`,
  api_key: `ak_${hex32(13)}`,
};

beforeAll(async () => {
  await clerk.start();
  key = await makeKey();
  tokens.session_token = await signToken(key);
  clerk.routes = {
    "POST /v1/m2m_tokens/verify": () => ({ status: 200, body: m2mVerified(tokens.m2m_token) }),
    "POST /v1/oauth_applications/access_tokens/verify": () => ({
      status: 200,
      body: oauthVerified(tokens.oauth_token),
    }),
    "POST /v1/api_keys/verify": () => ({ status: 200, body: apiKeyVerified(tokens.api_key) }),
  };
});
afterAll(() => clerk.stop());
afterEach(() => {
  clerk.requests.length = 0;
});

type Kind = keyof typeof tokens;
const kinds: Kind[] = ["session_token", "m2m_token", "oauth_token", "api_key"];

async function outcome(kind: Kind, acceptsToken: AcceptsToken | undefined) {
  const request = new Request("https://api.example.test/", { headers: { authorization: `Bearer ${tokens[kind]}` } });
  const state = await authenticateRequest(request, {
    secretKey: "sk_test_accepts",
    jwtKey: key.pem,
    serverUrl: clerk.serverUrl,
    acceptsToken,
  });
  return state.status === "signed-in" ? state.tokenType : state.reason;
}

const table: Array<[AcceptsToken | undefined, Kind[]]> = [
  [undefined, ["session_token"]],
  ["session_token", ["session_token"]],
  ["api_key", ["api_key"]],
  ["any", kinds],
  [["any"], kinds],
  [
    ["m2m_token", "api_key"],
    ["m2m_token", "api_key"],
  ],
  [
    ["session_token", "oauth_token"],
    ["session_token", "oauth_token"],
  ],
  [["api_key", "any"], kinds],
  [[], []],
];

describe("acceptsToken", () => {
  it.each(table)("accepts %j: exactly %j, others token-type-mismatch", async (accepts, allowed) => {
    for (const kind of kinds) {
      expect([kind, await outcome(kind, accepts)]).toEqual([
        kind,
        allowed.includes(kind) ? kind : "token-type-mismatch",
      ]);
    }
  });

  it("decides a mismatch without any network call", async () => {
    for (const kind of ["m2m_token", "oauth_token", "api_key"] as const) {
      expect(await outcome(kind, "session_token")).toBe("token-type-mismatch");
    }
    expect(clerk.requests).toHaveLength(0);
  });

  it("treats unknown entries as accepting nothing", async () => {
    expect(await outcome("session_token", "jwt" as never)).toBe("token-type-mismatch");
  });

  it("shapes the signed-out auth object after the single accepted kind", async () => {
    const empty = new Request("https://api.example.test/");
    const machine = await authenticateRequest(empty, { acceptsToken: "api_key" });
    expect(machine.reason).toBe("session-token-missing");
    expect(machine.toAuth()).toEqual({
      tokenType: "api_key",
      isAuthenticated: false,
      id: null,
      subject: null,
      userId: null,
      orgId: null,
      machineId: null,
      clientId: null,
      name: null,
      scopes: null,
      claims: null,
    } satisfies MachineAuth);
    const mismatch = await authenticateRequest(
      new Request("https://api.example.test/", { headers: { authorization: `Bearer ${tokens.api_key}` } }),
      {},
    );
    // The route accepts session tokens: the state and its auth object say so (as @clerk/backend's do).
    expect(mismatch).toMatchObject({
      reason: "token-type-mismatch",
      tokenType: "session_token",
      token: tokens.api_key,
    });
    expect(mismatch.toAuth()).toMatchObject({ tokenType: "session_token", userId: null });
  });
});
