import fc from "fast-check";
import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "../../src/webhooks/index.js";
import { NOW, NOW_SECONDS, randomSecret } from "./delivery.js";

// Interoperability with the real `svix` package, the library Clerk's own docs use.

const secret = randomSecret(32);
const svix = new Webhook(secret);
const msgId = fc.stringMatching(/^msg_[A-Za-z0-9]{1,27}$/);
const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 400 }),
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ unit: "grapheme-ascii" }),
);

function envelope(text: string): string {
  return JSON.stringify({ data: { text }, instance_id: "ins_1", object: "event", timestamp: 1, type: "interop.test" });
}

describe("svix interop", () => {
  it("our signature equals svix's Webhook.sign for any id, time and text body", async () => {
    await fc.assert(
      fc.asyncProperty(msgId, fc.integer({ min: 0, max: 4_102_444_800 }), anyText, async (id, seconds, body) => {
        const ours = await signWebhook(secret, id, seconds, body);
        expect(ours.value).toBe(svix.sign(id, new Date(seconds * 1000), body));
      }),
      { numRuns: 200 },
    );
  });

  it("deliveries signed by svix verify with ours, and decode the unicode data intact", async () => {
    await fc.assert(
      fc.asyncProperty(msgId, anyText, async (id, text) => {
        const body = envelope(text);
        const headers = {
          "svix-id": id,
          "svix-timestamp": String(NOW_SECONDS),
          "svix-signature": svix.sign(id, NOW, body),
        };
        const result = await verifyWebhook({ headers, body }, { signingSecret: secret, now: NOW });
        expect(result.error).toBeUndefined();
        expect(result.value?.data).toEqual({ text });
        // The same bytes as a Uint8Array, as express.raw() would hand them over.
        const bytes = await verifyWebhook(
          { headers, body: new TextEncoder().encode(body) },
          { signingSecret: secret, now: NOW },
        );
        expect(bytes.ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("deliveries signed by ours pass svix's Webhook.verify (string and Buffer payloads)", async () => {
    await fc.assert(
      fc.asyncProperty(msgId, anyText, async (id, body) => {
        // svix checks against the real clock, so sign with the real clock here.
        const timestamp = String(Math.floor(Date.now() / 1000));
        const signature = await signWebhook(secret, id, Number(timestamp), body);
        const headers = { "svix-id": id, "svix-timestamp": timestamp, "svix-signature": signature.value! };
        expect(() => svix.verify(body, headers)).not.toThrow();
        expect(() => svix.verify(body + " ", headers)).toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it("both directions with a 1 MiB unicode body", async () => {
    const text = "é漢🙂a".repeat(Math.ceil((1 << 20) / 10)).slice(0, 1 << 19);
    const body = envelope(text);
    expect(new TextEncoder().encode(body).length).toBeGreaterThan(1 << 20);
    const fromSvix = {
      "svix-id": "msg_big",
      "svix-timestamp": String(NOW_SECONDS),
      "svix-signature": svix.sign("msg_big", NOW, body),
    };
    const ours = await verifyWebhook({ headers: fromSvix, body }, { signingSecret: secret, now: NOW });
    expect(ours.ok).toBe(true);
    expect((ours.value?.data as { text: string }).text.length).toBe(text.length);

    const timestamp = Math.floor(Date.now() / 1000);
    const signature = await signWebhook(secret, "msg_big", timestamp, body);
    expect(() =>
      svix.verify(body, {
        "svix-id": "msg_big",
        "svix-timestamp": String(timestamp),
        "svix-signature": signature.value!,
      }),
    ).not.toThrow();
  });

  it("svix and ours agree on the unbranded webhook-* headers", async () => {
    const body = envelope("unbranded");
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = await signWebhook(secret, "msg_u", timestamp, body);
    const headers = {
      "webhook-id": "msg_u",
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signature.value!,
    };
    expect(() => svix.verify(body, headers)).not.toThrow();
    expect((await verifyWebhook({ headers, body }, { signingSecret: secret })).ok).toBe(true);
  });

  it("arbitrary bytes round-trip through sign and verify, and fail after any one-byte change", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 512 }), fc.nat(), async (bytes, at) => {
        const signature = await signWebhook(secret, "msg_b", NOW_SECONDS, bytes);
        const headers = {
          "svix-id": "msg_b",
          "svix-timestamp": String(NOW_SECONDS),
          "svix-signature": signature.value!,
        };
        const genuine = await verifyWebhook({ headers, body: bytes }, { signingSecret: secret, now: NOW });
        expect(genuine.error?.reason).not.toBe("no-matching-signature");
        const tampered = bytes.slice();
        tampered[at % bytes.length] = tampered[at % bytes.length]! ^ 0x80;
        const forged = await verifyWebhook({ headers, body: tampered }, { signingSecret: secret, now: NOW });
        expect(forged.error?.reason).toBe("no-matching-signature");
      }),
      { numRuns: 100 },
    );
  });
});
