// clerk-fn/auth/local must answer exactly as clerk-fn/auth does with the same
// jwtKey: same status, reason, message and auth object, attack by attack.
import { beforeAll, describe, expect, it } from "vitest";
import * as full from "../../../src/auth/index.js";
import * as local from "../../../src/auth/local.js";
import { makeKey, nowSeconds, sessionClaims, signToken, type TestKey } from "../support/keys.js";

let key: TestKey;
let other: TestKey;
let ec: TestKey;
const cases: [string, string][] = [];

const b64 = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

beforeAll(async () => {
  [key, other, ec] = await Promise.all([makeKey(), makeKey(), makeKey("ES256")]);
  const now = nowSeconds();
  const good = await signToken(key);
  const [, payload, signature] = good.split(".");
  cases.push(
    ["valid", good],
    [
      "v2 org claims",
      await signToken(
        key,
        sessionClaims({
          v: 2,
          o: { id: "org_1", slg: "acme", rol: "admin", per: "read,manage", fpm: "3" },
          fea: "o:billing",
        }),
      ),
    ],
    ["expired", await signToken(key, sessionClaims({ exp: now - 3600 }))],
    ["not active yet", await signToken(key, sessionClaims({ nbf: now + 3600 }))],
    ["issued in the future", await signToken(key, sessionClaims({ iat: now + 3600 }))],
    ["no exp", await signToken(key, sessionClaims({ exp: undefined }))],
    ["sub not a string", await signToken(key, sessionClaims({ sub: 42 }))],
    ["azp not authorized", await signToken(key, sessionClaims({ azp: "https://evil.example" }))],
    ["aud not accepted", await signToken(key, sessionClaims({ aud: "someone-else" }))],
    ["signed by another key", await signToken({ ...other, kid: key.kid })],
    ["EC signed", await signToken(ec)],
    ["alg none", `${b64({ alg: "none", typ: "JWT" })}.${payload}.`],
    ["HS256 header", `${b64({ alg: "HS256", typ: "JWT" })}.${payload}.${signature}`],
    ["typ not JWT", await signToken(key, sessionClaims(), { typ: "at+jwt" })],
    ["M2M category", await signToken(key, sessionClaims(), { cat: "cl_B7d4PD333AAA" })],
    ["kid not a string", await signToken(key, sessionClaims(), { kid: 7 })],
    ["two segments", good.split(".").slice(0, 2).join(".")],
    ["garbage", "not.a.jwt"],
    ["payload not JSON", `${good.split(".")[0]}.${btoa("nope")}.${signature}`],
    ["M2M token", "mt_0123456789abcdef"],
    ["API key", "ak_0123456789abcdef"],
    ["OAuth token", "oat_0123456789abcdef"],
  );
});

const rules = () => ({ authorizedParties: ["https://app.example.test"], audiences: undefined });
const view = (state: full.RequestState) => ({ ...state, toAuth: state.toAuth() });

describe("clerk-fn/auth/local answers as clerk-fn/auth does with the same jwtKey", () => {
  it("verifyToken: the same result for every case", async () => {
    for (const [name, token] of cases) {
      for (const opts of [
        { jwtKey: key.pem, ...rules() },
        { jwtKey: key.pem, audiences: ["app"] },
      ]) {
        const a = await full.verifyToken(token, opts);
        const b = await local.verifyToken(token, opts);
        expect(b.ok, name).toBe(a.ok);
        expect(b.value, name).toEqual(a.value);
        expect(b.error?.reason, name).toBe(a.error?.reason);
        expect(b.error?.message, name).toBe(a.error?.message);
      }
    }
  });

  it("authenticateRequest: the same state for every case, from the header and from the cookie", async () => {
    for (const [name, token] of cases) {
      for (const headers of [{ authorization: `Bearer ${token}` }, { cookie: `__session=${token}` }] as Record<
        string,
        string
      >[]) {
        const request = new Request("https://app.example.test/", { headers });
        const a = await full.authenticateRequest(request, { jwtKey: key.pem, ...rules() });
        const b = await local.authenticateRequest(request, { jwtKey: key.pem, ...rules() });
        expect(view(b), name).toEqual(view(a));
      }
    }
  });

  it("the same answers without a token, without headers, and with a bad or missing jwtKey", async () => {
    const token = cases[0]![1];
    const requests: unknown[] = [
      new Request("https://app.example.test/"),
      {},
      null,
      { headers: { authorization: `Bearer ${token}` } },
    ];
    for (const jwtKey of [key.pem, key.bareBase64, "not a key", ec.pem, "", undefined]) {
      for (const request of requests) {
        const a = await full.authenticateRequest(request as Request, { jwtKey });
        const b = await local.authenticateRequest(request as Request, { jwtKey });
        // Without a jwtKey both say secret-key-missing; only the advice in the message differs.
        if (jwtKey) expect(view(b), String(jwtKey)).toEqual(view(a));
        else expect({ ...view(b), message: "" }).toEqual({ ...view(a), message: "" });
      }
      const a = await full.verifyToken(token, { jwtKey });
      const b = await local.verifyToken(token, { jwtKey });
      expect(b.error?.reason).toBe(a.error?.reason);
    }
    expect((await local.verifyToken(token, { jwtKey: undefined })).error?.reason).toBe("secret-key-missing");
    expect((await local.verifyToken(token, undefined as never)).error?.reason).toBe("secret-key-missing");
  });

  it("ignores acceptsToken: a machine token is token-type-mismatch", async () => {
    const request = new Request("https://app.example.test/", { headers: { authorization: "Bearer mt_0123" } });
    const state = await local.authenticateRequest(request, { jwtKey: key.pem, acceptsToken: "any" } as never);
    expect(state.reason).toBe("token-type-mismatch");
    expect(state.toAuth().tokenType).toBe("session_token");
  });
});
