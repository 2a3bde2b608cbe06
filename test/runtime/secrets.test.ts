import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClerkCore, logTo } from "../../src/core.js";
import { redact } from "../../src/lib/redact.js";
import { closedPortUrl, sendJson, startHttpServer } from "../support/http-server.js";
import type { TestServer } from "../support/http-server.js";
import { wireUser } from "../support/builders.js";
import { usersCreate, usersGet } from "./support/ops.js";

const SECRET = "sk_live_Zm9vYmFyYmF6cXV4c2VjcmV0a2V5MTIz";
const CUSTOM = "opaque-token-without-prefix-0123456789";

let server: TestServer;
beforeAll(async () => {
  server = await startHttpServer((s, res) => {
    if (s.target.includes("clerk"))
      return sendJson(res, 401, {
        errors: [{ code: "authentication_invalid", message: "bad key" }],
        clerk_trace_id: "t1",
      });
    if (s.target.includes("html")) {
      res.writeHead(502, { "content-type": "text/html" });
      return res.end("<h1>Bad gateway</h1>");
    }
    if (s.target.includes("broken")) return sendJson(res, 200, [{ nope: true }]); // wrong top-level kind: an error in every mode
    if (s.target.includes("stall")) return;
    sendJson(res, 200, wireUser());
  });
});
afterAll(() => server.close());

describe("the bearer token never leaks", () => {
  for (const token of [SECRET, CUSTOM]) {
    it(`not in logs, messages or JSON of any error (${token.slice(0, 8)}…)`, async () => {
      const lines: string[] = [];
      const logger = { debug: (...args: unknown[]) => lines.push(args.map(String).join(" ")) };
      const clerk = new ClerkCore({
        serverUrl: server.url,
        bearerAuth: async () => token,
        debugLogger: logTo(logger),
        retryConfig: { strategy: "none" },
        timeoutMs: 2_000,
      });
      const refused = new ClerkCore({
        serverUrl: await closedPortUrl(),
        bearerAuth: token,
        debugLogger: logTo(logger),
        retryConfig: { strategy: "none" },
      });
      const throwingFetch = new ClerkCore({
        serverUrl: server.url,
        bearerAuth: token,
        debugLogger: logTo(logger),
        fetch: (_input, init) => {
          throw new Error(`custom fetch saw ${new Headers(init?.headers).get("authorization")}`);
        },
      });
      const results = await Promise.all([
        usersGet(clerk, { userId: "ok" }),
        usersGet(clerk, { userId: "clerk" }),
        usersGet(clerk, { userId: "html" }),
        usersGet(clerk, { userId: "broken" }),
        usersGet(clerk, { userId: "stall" }),
        usersGet(clerk, { userId: "" }),
        usersCreate(clerk, { requestBody: { firstName: "x" } }, { signal: AbortSignal.abort() }),
        usersGet(refused, { userId: "u" }),
        usersGet(throwingFetch, { userId: "u" }),
      ]);
      const names = results.map((r) => (r.ok ? "ok" : r.error.name));
      expect(names).toEqual([
        "ok",
        "ClerkErrors",
        "APIError",
        "ResponseValidationError",
        "RequestTimeoutError",
        "InvalidRequestError",
        "RequestAbortedError",
        "ConnectionError",
        "UnexpectedClientError",
      ]);
      expect(lines.length).toBeGreaterThan(5);
      // the token did reach the server…
      expect(server.seen.some((s) => s.headers.authorization === `Bearer ${token}`)).toBe(true);
      // …and nowhere else
      for (const line of lines) expect(line).not.toContain(token);
      for (const r of results) {
        if (r.ok) continue;
        expect(r.error.message).not.toContain(token);
        expect(JSON.stringify(r.error)).not.toContain(token);
        expect(String(r.error)).not.toContain(token);
      }
      expect(JSON.stringify(clerk)).not.toContain(token);
      expect(JSON.stringify(refused)).not.toContain(token);
    });
  }

  it("redact hides sk_ keys and bearer credentials anywhere in a string", () => {
    expect(redact(`GET /x?key=${SECRET}`)).toBe("GET /x?key=sk_[redacted]");
    expect(redact("authorization: Bearer abc.def")).toBe("authorization: Bearer [redacted]");
    expect(redact(`token ${CUSTOM} here`, CUSTOM)).toBe("token [redacted] here");
  });
});
