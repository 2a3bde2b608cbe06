import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ClerkCore } from "../../src/core.js";
import { jwksGetJWKS } from "../../src/funcs/jwksGetJWKS.js";
import { webhooksDeleteSvixApp } from "../../src/funcs/webhooksDeleteSvixApp.js";
import { startServer, type Server } from "./server.js";

// The run-time side of errors.test-d.ts: the classes the two unions it singles out
// include (InvalidRequestError for a function without inputs) or leave out
// (ResponseValidationError for one without a body) are really reached or not.
let server: Server;
let clerk: ClerkCore;
beforeAll(async () => {
  server = await startServer();
  clerk = new ClerkCore({ serverUrl: `${server.url}/v1`, bearerAuth: "sk_test_errors", retryConfig: { strategy: "none" } });
});
afterAll(() => server.close());
beforeEach(() => void server.received.splice(0));

describe("error classes of functions without inputs or without a body", () => {
  it("jwksGetJWKS takes no request, yet a header fetch cannot send is InvalidRequestError, and nothing is sent", async () => {
    const res = await jwksGetJWKS(clerk, {}, { headers: { "x-note": "a\nb" } });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.name).toBe("InvalidRequestError");
    expect(server.received).toHaveLength(0);
  });

  it("webhooksDeleteSvixApp decodes no body: a 204 without one is a success, not ResponseValidationError", async () => {
    server.reply((_r, res) => res.writeHead(204).end());
    expect(await webhooksDeleteSvixApp(clerk)).toEqual({ ok: true, value: undefined });
  });
});
