import { describe, expect, it } from "vitest";
import { ClerkFnError } from "../../../src/errors/clerkFnError.js";
import { TokenVerificationError } from "../../../src/auth/index.js";
import { WebhookVerificationError } from "../../../src/webhooks/index.js";

describe("auth and webhook errors join the package's error family", () => {
  it("share the base class and its safe toJSON", () => {
    const secret = "sk_test_abcdefghijklmnop";
    const token = new TokenVerificationError("secret-key-invalid", `rejected ${secret}`, {
      cause: new Error(`Bearer ${secret}`),
    });
    const webhook = new WebhookVerificationError("invalid-event", "bad", {
      issues: [{ path: "data.id", message: "x" }],
    });
    expect(token).toBeInstanceOf(ClerkFnError);
    expect(webhook).toBeInstanceOf(ClerkFnError);
    const json = token.toJSON();
    expect(json).toMatchObject({ name: "TokenVerificationError", reason: "secret-key-invalid" });
    expect(JSON.stringify(json)).not.toContain(secret);
    expect((json.cause as { message: string }).message).toBe("Bearer [redacted]");
    expect(webhook.toJSON()).toEqual({
      name: "WebhookVerificationError",
      reason: "invalid-event",
      message: "bad",
      issues: [{ path: "data.id", message: "x" }],
    });
    expect(new WebhookVerificationError("missing-secret", "m").toJSON()).toEqual({
      name: "WebhookVerificationError",
      reason: "missing-secret",
      message: "m",
    });
  });
});
