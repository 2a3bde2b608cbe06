import { request, type IncomingHttpHeaders } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateRequest, type AuthenticateRequestOptions } from "../../../src/auth/index.js";
import { startHttpServer } from "../../support/http-server.js";
import { makeKey, sessionClaims, signToken, type TestKey } from "../support/keys.js";

let key: TestKey;
let goodToken: string;
let otherUserToken: string;

beforeAll(async () => {
  key = await makeKey();
  goodToken = await signToken(key);
  otherUserToken = await signToken(key, sessionClaims({ sub: "user_from_cookie" }));
});

const opts = (): AuthenticateRequestOptions => ({ jwtKey: key.pem });
const userOf = async (headers: HeadersInit | Record<string, string | string[] | undefined>) => {
  const state = await authenticateRequest({ headers: headers as Record<string, string> }, opts());
  return state.status === "signed-in" ? (state.toAuth() as { userId: string }).userId : state.reason;
};

/** Sends a real HTTP request and hands back the `req.headers` node:http produced. */
async function nodeHeaders(headers: Record<string, string | string[]>): Promise<IncomingHttpHeaders> {
  const server = await startHttpServer((_seen, res) => res.end("ok"));
  await new Promise<void>((resolve, reject) => {
    const req = request(`${server.url}/`, { headers }, (res) => {
      res.resume();
      res.on("end", resolve);
    });
    req.on("error", reject);
    req.end();
  });
  await server.close();
  return server.seen[0]?.headers ?? {};
}

describe("where the token is read from", () => {
  it("prefers the Authorization header over the __session cookie", async () => {
    const request = new Request("https://app.example.test/", {
      headers: { authorization: `Bearer ${goodToken}`, cookie: `__session=${otherUserToken}` },
    });
    const state = await authenticateRequest(request, opts());
    expect((state.toAuth() as { userId: string }).userId).toBe("user_2abcdefghijklmnopqrstuvwxyz");
  });

  it("falls back to the __session cookie, and to a suffixed __session_<x> cookie", async () => {
    expect(await userOf(new Headers({ cookie: `theme=dark; __session=${otherUserToken}; other=1` }))).toBe(
      "user_from_cookie",
    );
    expect(await userOf(new Headers({ cookie: `__session_Abc123=${otherUserToken}` }))).toBe("user_from_cookie");
    expect(await userOf(new Headers({ cookie: `__session_Abc123=${goodToken}; __session=${otherUserToken}` }))).toBe(
      "user_from_cookie",
    );
  });

  it("reads the scheme case-insensitively and ignores other schemes", async () => {
    expect(await userOf(new Headers({ authorization: `bearer ${goodToken}` }))).toBe(
      "user_2abcdefghijklmnopqrstuvwxyz",
    );
    expect(await userOf(new Headers({ authorization: `BEARER   ${goodToken}` }))).toBe(
      "user_2abcdefghijklmnopqrstuvwxyz",
    );
    expect(await userOf(new Headers({ authorization: `Basic ${btoa("a:b")}` }))).toBe("session-token-missing");
    expect(
      await userOf(new Headers({ authorization: `Token ${goodToken}`, cookie: `__session=${otherUserToken}` })),
    ).toBe("user_from_cookie");
  });

  it("reports session-token-missing with no header, an empty bearer or an empty cookie", async () => {
    expect(await userOf(new Headers())).toBe("session-token-missing");
    expect(await userOf(new Headers({ authorization: "Bearer " }))).toBe("session-token-missing");
    expect(await userOf(new Headers({ cookie: "__session=; __sessionx=abc" }))).toBe("session-token-missing");
    const state = await authenticateRequest(new Request("https://app.example.test/"), opts());
    expect(state).toMatchObject({
      status: "signed-out",
      isAuthenticated: false,
      token: null,
      tokenType: "session_token",
    });
    expect(state.toAuth()).toMatchObject({
      tokenType: "session_token",
      isAuthenticated: false,
      userId: null,
      sessionId: null,
      orgId: null,
    });
  });

  it("works with a plain header record in any key case", async () => {
    expect(await userOf({ Authorization: `Bearer ${goodToken}` })).toBe("user_2abcdefghijklmnopqrstuvwxyz");
    expect(await userOf({ cookie: [`a=1`, `__session=${otherUserToken}`] })).toBe("user_from_cookie");
    expect(await userOf({ authorization: undefined, cookie: undefined })).toBe("session-token-missing");
  });

  it("works with a real node:http IncomingMessage's req.headers (Express, Fastify)", async () => {
    const viaHeader = await nodeHeaders({
      Authorization: `Bearer ${goodToken}`,
      Cookie: `__session=${otherUserToken}`,
    });
    expect(viaHeader.authorization).toBeDefined();
    expect(await userOf(viaHeader)).toBe("user_2abcdefghijklmnopqrstuvwxyz");
    const viaCookie = await nodeHeaders({ Cookie: `x=1; __session=${otherUserToken}` });
    expect(await userOf(viaCookie)).toBe("user_from_cookie");
    const state = await authenticateRequest({ headers: viaHeader }, opts());
    expect(state.status).toBe("signed-in");
  });

  it("reports unexpected-error, without throwing, for something that is not a request", async () => {
    for (const bad of [null, undefined, 42, {}, { headers: null }, { headers: "Bearer x" }]) {
      const state = await authenticateRequest(bad as never, opts());
      expect(state.status).toBe("signed-out");
      expect(state.reason).toBe("unexpected-error");
    }
  });
});
