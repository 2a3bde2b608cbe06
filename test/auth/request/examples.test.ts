import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireAuth } from "../../../examples/auth/express-middleware.js";
import { handle } from "../../../examples/auth/fetch-handler.js";
import { serveApp, type ServedApp } from "../../support/http-server.js";
import { FakeClerk } from "../support/clerk-server.js";
import { ORG_ID, apiKeyVerified, freshSecretKey, hex32, jwksReply } from "../support/fixtures.js";
import { makeKey, sessionClaims, signToken, type TestKey } from "../support/keys.js";

const clerk = new FakeClerk();
let key: TestKey;
beforeAll(async () => {
  await clerk.start();
  key = await makeKey();
  clerk.routes = {
    "GET /v1/jwks": () => jwksReply(key),
    "POST /v1/api_keys/verify": (req) =>
      JSON.parse(req.body).secret === `ak_${hex32(7)}`
        ? { status: 200, body: apiKeyVerified(`ak_${hex32(7)}`) }
        : { status: 404, body: {} },
  };
});
afterAll(() => clerk.stop());

describe("README Fetch-handler example", () => {
  it("answers 200 with the user for a valid token and 401 with the reason otherwise", async () => {
    const token = await signToken(key, sessionClaims({ azp: "https://app.example.com" }));
    const env = { CLERK_SECRET_KEY: "sk_test_unused", CLERK_JWT_KEY: key.pem };
    const okResponse = await handle(
      new Request("https://api.example.com/me", { headers: { authorization: `Bearer ${token}` } }),
      env,
    );
    expect(okResponse.status).toBe(200);
    expect(await okResponse.json()).toEqual({ userId: "user_2abcdefghijklmnopqrstuvwxyz", orgId: null });
    const denied = await handle(new Request("https://api.example.com/me"), env);
    expect([denied.status, await denied.json()]).toEqual([401, { error: "session-token-missing" }]);
  });
});

describe("README Express example, on a real node:http server", () => {
  let url = "";
  const secretKey = freshSecretKey();
  let middleware: ReturnType<typeof requireAuth> | undefined;
  let app: ServedApp | undefined;
  beforeAll(async () => {
    app = await serveApp((incoming, res) => {
      const req = incoming as Parameters<ReturnType<typeof requireAuth>>[0];
      middleware ??= requireAuth({ secretKey, serverUrl: clerk.serverUrl }); // the server's port is known by now
      void middleware(req, res, () => {
        const { auth } = req;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(auth ? { tokenType: auth.tokenType, userId: auth.userId, orgId: auth.orgId } : {}));
      });
    });
    url = `${app.url}/`;
  });
  afterAll(() => app?.close());

  it("accepts a session cookie, an API key, and refuses an M2M token", async () => {
    const session = await fetch(url, { headers: { cookie: `__session=${await signToken(key)}` } });
    expect(await session.json()).toEqual({
      tokenType: "session_token",
      userId: "user_2abcdefghijklmnopqrstuvwxyz",
      orgId: null,
    });
    const apiKey = await fetch(url, { headers: { authorization: `Bearer ak_${hex32(7)}` } });
    expect(await apiKey.json()).toEqual({ tokenType: "api_key", userId: null, orgId: ORG_ID });
    const m2m = await fetch(url, { headers: { authorization: `Bearer mt_${hex32(8)}` } });
    expect([m2m.status, await m2m.json()]).toEqual([401, { error: "token-type-mismatch" }]);
    const unknownKey = await fetch(url, { headers: { authorization: `Bearer ak_${hex32(9)}` } });
    expect([unknownKey.status, await unknownKey.json()]).toEqual([401, { error: "machine-token-invalid" }]);
  });
});
