import * as v from "valibot";
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import type { ClerkCore } from "../../src/core.js";
import type { ClerkError } from "../../src/errors/index.js";
import { jwksGetJWKS } from "../../src/funcs/jwksGetJWKS.js";
import { webhooksDeleteSvixApp } from "../../src/funcs/webhooksDeleteSvixApp.js";
import { VerificationOauth$inbound } from "../../src/models/components/verificationOauth.js";
import { WebhookVerificationOauth$inbound } from "../../src/models/webhooks/webhookVerificationOauth.js";
import type { TestServer } from "../support/http-server.js";
import { startServerAndCore } from "../support/server-and-core.js";

// The run-time side of errors.test-d.ts: the classes the two unions it singles out
// include (InvalidRequestError for a function without inputs) or leave out
// (ResponseValidationError for one without a body) are really reached or not.
let server: TestServer;
let clerk: ClerkCore;
beforeAll(async () => {
  ({ server, clerk } = await startServerAndCore("sk_test_errors"));
});
afterAll(() => server.close());
beforeEach(() => void server.seen.splice(0));

describe("error classes of functions without inputs or without a body", () => {
  it("jwksGetJWKS takes no request, yet a header fetch cannot send is InvalidRequestError, and nothing is sent", async () => {
    const res = await jwksGetJWKS(clerk, {}, { headers: { "x-note": "a\nb" } });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.name).toBe("InvalidRequestError");
    expect(server.seen).toHaveLength(0);
  });

  it("webhooksDeleteSvixApp decodes no body: a 204 without one is a success, not ResponseValidationError", async () => {
    server.reply((_r, res) => res.writeHead(204).end());
    expect(await webhooksDeleteSvixApp(clerk)).toEqual({ ok: true, value: undefined });
  });
});

describe("one Clerk error-entry model", () => {
  const wire = {
    status: "failed",
    strategy: "oauth_google",
    expire_at: 1,
    attempts: 1,
    error: {
      code: "oauth_access_denied",
      message: "Denied",
      long_message: "The user denied access.",
      meta: { param_name: "x" },
    },
  };
  it("a verification's `error` is src/errors' ClerkError, in the API models and the webhook models", () => {
    for (const schema of [VerificationOauth$inbound, WebhookVerificationOauth$inbound]) {
      const out = v.parse(schema, wire);
      expect(out.error).toEqual({
        code: "oauth_access_denied",
        message: "Denied",
        longMessage: "The user denied access.",
        meta: { param_name: "x" },
      });
      expectTypeOf(out.error).toEqualTypeOf<ClerkError | null | undefined>();
    }
  });
  it("long_message may be absent, as in ClerkErrors bodies", () => {
    const out = v.parse(VerificationOauth$inbound, { ...wire, error: { code: "c", message: "m" } });
    expect(out.error).toEqual({ code: "c", message: "m" });
  });
});
