// How a request's token is told apart before any key is looked up: M2M JWTs
// (a `mch_…` subject, with or without Clerk's M2M `cat`), OAuth JWTs (typ
// at+jwt) and other categories never pass as a user's session, and a local
// M2M JWT meets the configured audience. Regressions of issue 23, items 1-5.
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateRequest, type AuthenticateRequestOptions } from "../../../src/auth/index.js";
import { bearer } from "../support/clerk-server.js";
import { MACHINE_ID } from "../support/fixtures.js";
import { makeKey, nowSeconds, sessionClaims, signToken, type TestKey } from "../support/keys.js";

let key: TestKey;
beforeAll(async () => {
  key = await makeKey();
});

const M2M_CATEGORY = "cl_B7d4PD333AAA";
const machineClaims = (overrides: Record<string, unknown> = {}) => ({
  sub: MACHINE_ID,
  jti: "mt_regression",
  iat: nowSeconds() - 5,
  exp: nowSeconds() + 60,
  ...overrides,
});
const cookie = (token: string) =>
  new Request("https://app.example.test/", { headers: { cookie: `__client_uat=1; __session=${token}` } });

/** A jwtKey nothing can be verified with: the answer must come before any key lookup. */
const NO_KEY = { jwtKey: "not a key" };

describe("an M2M JWT without a cat header (Clerk's rollout window)", () => {
  it("is token-type-mismatch where session tokens are expected, from the header and from the cookie", async () => {
    const token = await signToken(key, machineClaims());
    for (const request of [bearer(token), cookie(token)]) {
      const checked = await authenticateRequest(request, NO_KEY);
      expect(checked).toMatchObject({
        status: "signed-out",
        reason: "token-type-mismatch",
        tokenType: "session_token",
      });
      // With the right key too: never a session of user "mch_…".
      const keyed = await authenticateRequest(request, { jwtKey: key.pem });
      expect(keyed.reason).toBe("token-type-mismatch");
      expect(keyed.toAuth().userId).toBeNull();
    }
  });

  it("is an M2M token where M2M tokens are accepted", async () => {
    const state = await authenticateRequest(bearer(await signToken(key, machineClaims())), {
      jwtKey: key.pem,
      acceptsToken: "m2m_token",
    });
    expect(state).toMatchObject({ status: "signed-in", tokenType: "m2m_token" });
  });
});

describe("an M2M-looking JWT with a foreign cat", () => {
  it("is token-invalid before any key lookup, for the session category and for an unknown one", async () => {
    for (const cat of ["cl_B7d4PD111AAA", "cl_made_up", "cl_B7d4PD222AAA"]) {
      const token = await signToken(key, machineClaims(), { cat });
      for (const options of [NO_KEY, { jwtKey: key.pem }]) {
        const state = await authenticateRequest(bearer(token), { ...options, acceptsToken: ["m2m_token"] });
        expect([cat, state.status, state.reason, state.tokenType]).toEqual([
          cat,
          "signed-out",
          "token-invalid",
          "m2m_token",
        ]);
      }
    }
  });
});

describe("a locally verified M2M JWT", () => {
  const accepting = (audiences: AuthenticateRequestOptions["audiences"]) => ({
    jwtKey: key.pem,
    acceptsToken: "m2m_token" as const,
    audiences,
  });

  it("meets the configured audiences", async () => {
    const forB = await signToken(key, machineClaims({ aud: ["mch_B"] }), { cat: M2M_CATEGORY });
    expect((await authenticateRequest(bearer(forB), accepting(["mch_C"]))).reason).toBe("token-invalid-audience");
    expect((await authenticateRequest(bearer(forB), accepting(["mch_C", "mch_B"]))).status).toBe("signed-in");
    expect((await authenticateRequest(bearer(forB), accepting(undefined))).status).toBe("signed-in");
  });

  it("takes an empty audience (an unset environment variable) as no audience, as session tokens do", async () => {
    const forB = await signToken(key, machineClaims({ aud: "mch_B" }), { cat: M2M_CATEGORY });
    const session = await signToken(key, sessionClaims({ aud: "https://api.example.test" }));
    for (const audiences of ["", [""], [] as string[]]) {
      expect((await authenticateRequest(bearer(forB), accepting(audiences))).status).toBe("signed-in");
      expect((await authenticateRequest(bearer(session), { jwtKey: key.pem, audiences })).status).toBe("signed-in");
    }
    // A real audience beside the empty one still counts.
    expect((await authenticateRequest(bearer(session), { jwtKey: key.pem, audiences: ["", "x"] })).reason).toBe(
      "token-invalid-audience",
    );
  });
});

describe("JWTs of other kinds where a session token is expected", () => {
  it("an OAuth JWT (typ at+jwt) and a JWT-template token are token-type-mismatch", async () => {
    const oauth = await signToken(key, sessionClaims(), { typ: "at+jwt" });
    const template = await signToken(key, sessionClaims(), { cat: "cl_B7d4PD222AAA" });
    for (const token of [oauth, template]) {
      const state = await authenticateRequest(bearer(token), { jwtKey: key.pem });
      expect(state).toMatchObject({ reason: "token-type-mismatch", tokenType: "session_token" });
    }
  });

  it("a bare token in Authorization (no Bearer) is read as the token", async () => {
    const token = await signToken(key);
    const request = new Request("https://app.example.test/", { headers: { authorization: token } });
    expect((await authenticateRequest(request, { jwtKey: key.pem })).status).toBe("signed-in");
    const basic = new Request("https://app.example.test/", { headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect((await authenticateRequest(basic, { jwtKey: key.pem })).reason).toBe("session-token-missing");
  });
});

describe("tokenType of a signed-out state names what the route accepts", () => {
  it("the one kind accepted, session_token for 'any', null for a list the token is not in", async () => {
    const session = await signToken(key);
    const cases: Array<[AuthenticateRequestOptions["acceptsToken"], string, string | null]> = [
      ["api_key", session, "api_key"],
      ["m2m_token", "ak_0123", "m2m_token"],
      [undefined, "ak_0123", "session_token"],
      [["api_key", "m2m_token"], session, null],
      [["api_key", "m2m_token"], "oat_0123", null],
    ];
    for (const [acceptsToken, token, expected] of cases) {
      const state = await authenticateRequest(bearer(token), { jwtKey: key.pem, acceptsToken });
      expect([acceptsToken, state.reason, state.tokenType, state.toAuth().tokenType]).toEqual([
        acceptsToken,
        "token-type-mismatch",
        expected,
        expected,
      ]);
    }
    const none = await authenticateRequest(new Request("https://app.example.test/"), { acceptsToken: "api_key" });
    expect([none.tokenType, none.toAuth().tokenType]).toEqual(["api_key", "api_key"]);
  });
});
