// verifyWebhookSignature: the signature and timestamp checks of verifyWebhook,
// with the same reasons for the same deliveries, returning the raw payload.
import { describe, expect, it } from "vitest";
import { verifyWebhook, verifyWebhookSignature } from "../../src/webhooks/index.js";
import type { WebhookInput } from "../../src/webhooks/index.js";
import { eventJson, NOW, NOW_SECONDS, randomSecret, signedDelivery, toRequest } from "./delivery.js";

const secret = randomSecret();

describe("verifyWebhookSignature", () => {
  it("returns the id, the timestamp in seconds and the body text exactly as signed", async () => {
    const body = `${eventJson()}\n`;
    const delivery = await signedDelivery(secret, body, NOW_SECONDS - 5, "msg_sig_1");
    for (const input of [delivery, toRequest(delivery)]) {
      const result = await verifyWebhookSignature(input, { signingSecret: secret, now: NOW });
      expect(result.value).toEqual({ id: "msg_sig_1", timestamp: NOW_SECONDS - 5, body });
    }
  });

  it("does not decode the event: any signed UTF-8 text is accepted", async () => {
    const delivery = await signedDelivery(secret, "{}");
    expect((await verifyWebhookSignature(delivery, { signingSecret: secret, now: NOW })).value?.body).toBe("{}");
    expect((await verifyWebhook(delivery, { signingSecret: secret, now: NOW })).error?.reason).toBe("invalid-event");
  });

  it("gives the reason verifyWebhook gives for every delivery it rejects", async () => {
    const good = await signedDelivery(secret, eventJson());
    const notUtf8 = new Uint8Array([0xff, 0xfe, 0x7b]);
    const cases: [string, WebhookInput, string?][] = [
      ["missing headers", { headers: { "svix-id": "x" }, body: good.body }],
      ["bad timestamp", { headers: { ...good.headers, "svix-timestamp": "soon" }, body: good.body }],
      ["too old", await signedDelivery(secret, eventJson(), NOW_SECONDS - 999)],
      ["too new", await signedDelivery(secret, eventJson(), NOW_SECONDS + 999)],
      ["tampered body", { headers: good.headers, body: `${good.body} ` }],
      ["wrong secret", good, randomSecret()],
      ["no secret", good, ""],
      ["parsed body", { headers: good.headers, body: JSON.parse(good.body) as never }],
      ["not an input", null as never],
    ];
    for (const [name, input, signingSecret = secret] of cases) {
      const a = await verifyWebhook(input, { signingSecret, now: NOW });
      const b = await verifyWebhookSignature(input, { signingSecret, now: NOW });
      expect(b.error?.reason, name).toBeDefined();
      expect(b.error?.reason, name).toBe(a.error?.reason);
      expect(b.error?.message, name).toBe(a.error?.message);
    }
    const signedBytes = await signedDelivery(secret, "");
    const { signWebhook } = await import("../../src/webhooks/index.js");
    const signature = await signWebhook(secret, "msg_bytes", NOW_SECONDS, notUtf8);
    const bytes = {
      headers: { ...signedBytes.headers, "svix-id": "msg_bytes", "svix-signature": signature.value! },
      body: notUtf8,
    };
    expect((await verifyWebhookSignature(bytes, { signingSecret: secret, now: NOW })).error?.reason).toBe(
      "invalid-body",
    );
    expect((await verifyWebhook(bytes, { signingSecret: secret, now: NOW })).error?.reason).toBe("invalid-body");
  });
});
