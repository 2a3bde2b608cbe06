import { describe, expect, it } from "vitest";
import { verifyWebhook } from "../../src/webhooks/index.js";
import { NOW, eventJson, randomSecret, signedDelivery } from "./delivery.js";

describe("verifyWebhook given a body it cannot verify says what it got", () => {
  it("a stream body is named a stream, not an already parsed object", async () => {
    const secret = randomSecret();
    const delivery = await signedDelivery(secret, eventJson());
    const stream = new Response(delivery.body).body!;
    const result = await verifyWebhook(
      { headers: delivery.headers, body: stream as never },
      { signingSecret: secret, now: NOW },
    );
    expect(result.error?.reason).toBe("invalid-body");
    expect(result.error?.message).toMatch(/a ReadableStream/);
    expect(result.error?.message).not.toMatch(/already parsed/);
    const blob = await verifyWebhook(
      { headers: delivery.headers, body: new Blob([delivery.body]) as never },
      { signingSecret: secret, now: NOW },
    );
    expect(blob.error?.message).toMatch(/a Blob/);
    const parsed = await verifyWebhook(
      { headers: delivery.headers, body: JSON.parse(delivery.body) as never },
      { signingSecret: secret, now: NOW },
    );
    expect(parsed.error?.message).toMatch(/an already parsed object/);
  });
});
