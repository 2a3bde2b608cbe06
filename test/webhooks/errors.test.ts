import { describe, expect, it } from "vitest";
import { verifyWebhook, WebhookVerificationError } from "../../src/webhooks/index.js";
import type { WebhookVerificationReason } from "../../src/webhooks/index.js";
import { eventJson, NOW, NOW_SECONDS, randomSecret, signedDelivery } from "./delivery.js";

const secret = randomSecret();
const keyText = secret.slice("whsec_".length);

describe("WebhookVerificationError", () => {
  it("has its class name as name, a reason, and is an Error", () => {
    const error = new WebhookVerificationError("invalid-body", "x");
    expect(error.name).toBe("WebhookVerificationError");
    expect(error).toBeInstanceOf(Error);
    expect(error.reason).toBe("invalid-body");
  });

  it("never carries the secret or the signatures, whatever the reason", async () => {
    const good = await signedDelivery(secret, eventJson());
    const signature = good.headers["svix-signature"]!;
    const cases: [WebhookVerificationReason, Parameters<typeof verifyWebhook>[0], string?][] = [
      ["missing-headers", { headers: { "svix-signature": signature }, body: good.body }],
      ["invalid-timestamp", { headers: { ...good.headers, "svix-timestamp": "soon" }, body: good.body }],
      ["timestamp-too-old", await signedDelivery(secret, eventJson(), NOW_SECONDS - 999)],
      ["timestamp-too-new", await signedDelivery(secret, eventJson(), NOW_SECONDS + 999)],
      ["no-matching-signature", { headers: good.headers, body: `${good.body} ` }],
      ["no-matching-signature", good, `whsec_${keyText}!`],
      ["invalid-body", await signedDelivery(secret, "{oops")],
      ["invalid-event", await signedDelivery(secret, "{}")],
    ];
    for (const [reason, input, signingSecret = secret] of cases) {
      const result = await verifyWebhook(input, { signingSecret, now: NOW });
      expect(result.error?.reason).toBe(reason);
      const error = result.error!;
      const exposed = [
        error.message,
        String(error),
        JSON.stringify(error),
        error.stack ?? "",
        JSON.stringify(error.toJSON()),
      ].join("\n");
      expect(exposed).not.toContain(keyText);
      expect(exposed).not.toContain(signature.slice(3));
      expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "WebhookVerificationError", reason });
    }
  });
});
