import { describe, expect, it } from "vitest";
import {
  signWebhook,
  verifyWebhook,
  verifyWebhookSignature,
  WebhookVerificationError,
} from "../../src/webhooks/index.js";
import type { WebhookVerificationReason } from "../../src/webhooks/index.js";
import { eventJson, NOW, NOW_SECONDS, randomSecret, signedDelivery, toRequest } from "./delivery.js";

const secret = randomSecret();

async function reasonOf(promise: ReturnType<typeof verifyWebhook>): Promise<WebhookVerificationReason | "ok"> {
  const result = await promise;
  if (result.ok) return "ok";
  expect(result.error).toBeInstanceOf(WebhookVerificationError);
  return result.error.reason;
}

describe("verifyWebhook accepts a genuine delivery", () => {
  it("as a Fetch Request and returns the camelCase event", async () => {
    const delivery = await signedDelivery(secret, eventJson());
    const result = await verifyWebhook(toRequest(delivery), { signingSecret: secret, now: NOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.type).toBe("user.deleted");
    expect(result.value.instanceId).toBe("ins_123");
    expect(result.value.data).toMatchObject({ id: "user_29w83sxmDNGwOuEthce5gg56FcC", deleted: true });
  });

  it("as { headers, body } with the body as string, Uint8Array or ArrayBuffer", async () => {
    const delivery = await signedDelivery(secret, eventJson());
    const bytes = new TextEncoder().encode(delivery.body);
    for (const body of [delivery.body, bytes, bytes.buffer, new DataView(bytes.buffer)]) {
      expect(
        await reasonOf(verifyWebhook({ headers: delivery.headers, body }, { signingSecret: secret, now: NOW })),
      ).toBe("ok");
    }
  });

  it("with Fetch Headers, mixed-case names, padded values and array values", async () => {
    const { headers, body } = await signedDelivery(secret, eventJson());
    const variants = [
      new Headers(headers),
      {
        "Svix-Id": ` ${headers["svix-id"]} `,
        "SVIX-TIMESTAMP": `${headers["svix-timestamp"]}\t`,
        "Svix-Signature": [`v1,${btoa("x".repeat(32))}`, headers["svix-signature"]!],
      },
    ];
    for (const variant of variants) {
      expect(await reasonOf(verifyWebhook({ headers: variant, body }, { signingSecret: secret, now: NOW }))).toBe("ok");
    }
  });

  it("with the unbranded webhook-* headers", async () => {
    const { headers, body } = await signedDelivery(secret, eventJson());
    const unbranded = {
      "webhook-id": headers["svix-id"]!,
      "webhook-timestamp": headers["svix-timestamp"]!,
      "webhook-signature": headers["svix-signature"]!,
    };
    expect(await reasonOf(verifyWebhook({ headers: unbranded, body }, { signingSecret: secret, now: NOW }))).toBe("ok");
  });

  it("with the bare base64 secret (no whsec_ prefix)", async () => {
    const delivery = await signedDelivery(secret, eventJson());
    const bare = secret.slice("whsec_".length);
    expect(await reasonOf(verifyWebhook(delivery, { signingSecret: bare, now: NOW }))).toBe("ok");
  });

  it("when one of several signatures matches, ignoring other versions and junk entries", async () => {
    const { headers, body } = await signedDelivery(secret, eventJson());
    const other = await signWebhook(randomSecret(), headers["svix-id"]!, NOW_SECONDS, body);
    const list = [
      `v1a,${btoa("y".repeat(64))}`,
      other.value,
      "garbage",
      "v1,not*base64",
      headers["svix-signature"],
      "v2,abc",
    ].join(" ");
    expect(
      await reasonOf(
        verifyWebhook({ headers: { ...headers, "svix-signature": list }, body }, { signingSecret: secret, now: NOW }),
      ),
    ).toBe("ok");
  });

  it("reads the secret from CLERK_WEBHOOK_SIGNING_SECRET when no option is given", async () => {
    const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
    if (!env)
      return expect(await reasonOf(verifyWebhook(await signedDelivery(secret, eventJson()), { now: NOW }))).toBe(
        "missing-secret",
      );
    const before = env["CLERK_WEBHOOK_SIGNING_SECRET"];
    env["CLERK_WEBHOOK_SIGNING_SECRET"] = secret;
    try {
      expect(await reasonOf(verifyWebhook(await signedDelivery(secret, eventJson()), { now: NOW }))).toBe("ok");
    } finally {
      if (before === undefined) delete env["CLERK_WEBHOOK_SIGNING_SECRET"];
      else env["CLERK_WEBHOOK_SIGNING_SECRET"] = before;
    }
  });
});

describe("verifyWebhook rejects, with a stable reason", () => {
  it("missing-secret: no option and no environment variable, or an empty one", async () => {
    const delivery = await signedDelivery(secret, eventJson());
    const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
    const before = env?.["CLERK_WEBHOOK_SIGNING_SECRET"];
    if (env) delete env["CLERK_WEBHOOK_SIGNING_SECRET"];
    try {
      expect(await reasonOf(verifyWebhook(toRequest(delivery), { now: NOW }))).toBe("missing-secret");
    } finally {
      if (env && before !== undefined) env["CLERK_WEBHOOK_SIGNING_SECRET"] = before;
    }
    for (const empty of ["", "   ", "whsec_"]) {
      expect(await reasonOf(verifyWebhook(toRequest(delivery), { signingSecret: empty, now: NOW }))).toBe(
        "missing-secret",
      );
    }
  });

  it("missing-headers, listing exactly the absent ones (empty values count as absent)", async () => {
    const { headers, body } = await signedDelivery(secret, eventJson());
    const result = await verifyWebhook(
      toRequest({ headers: { "svix-id": headers["svix-id"]!, "svix-timestamp": "  " }, body }),
      { signingSecret: secret, now: NOW },
    );
    expect(result.ok).toBe(false);
    expect(result.error?.reason).toBe("missing-headers");
    expect(result.error?.missingHeaders).toEqual(["svix-timestamp", "svix-signature"]);
    expect(result.error?.message).toContain("svix-timestamp, svix-signature");
    const none = await verifyWebhook({ headers: {}, body }, { signingSecret: secret, now: NOW });
    expect(none.error?.missingHeaders).toEqual(["svix-id", "svix-timestamp", "svix-signature"]);
  });

  it("invalid-timestamp when the header does not start with an integer", async () => {
    const delivery = await signedDelivery(secret, eventJson());
    for (const timestamp of ["soon", `x${NOW_SECONDS}`, `.${NOW_SECONDS}`, `--${NOW_SECONDS}`, "+-1", "١٧٨٠٠٠٠٠٠٠"]) {
      const headers = { ...delivery.headers, "svix-timestamp": timestamp };
      expect(
        await reasonOf(verifyWebhook({ headers, body: delivery.body }, { signingSecret: secret, now: NOW })),
        timestamp,
      ).toBe("invalid-timestamp");
    }
  });

  it("reads other spellings of a number as svix does, by their leading integer, which the window then judges", async () => {
    const delivery = await signedDelivery(secret, eventJson());
    const cases: [timestamp: string, expected: WebhookVerificationReason][] = [
      [`-${NOW_SECONDS}`, "timestamp-too-old"],
      ["1e9", "timestamp-too-old"],
      [`0x${NOW_SECONDS.toString(16)}`, "timestamp-too-old"],
      [NOW.toISOString(), "timestamp-too-old"],
      ["9".repeat(30), "timestamp-too-new"],
    ];
    for (const [timestamp, expected] of cases) {
      const headers = { ...delivery.headers, "svix-timestamp": timestamp };
      expect(
        await reasonOf(verifyWebhook({ headers, body: delivery.body }, { signingSecret: secret, now: NOW })),
        timestamp,
      ).toBe(expected);
    }
    // Only an unbounded tolerance lets a number past 2^53 through the window; it is still refused.
    const huge = { ...delivery.headers, "svix-timestamp": "9".repeat(30) };
    expect(
      await reasonOf(
        verifyWebhook(
          { headers: huge, body: delivery.body },
          { signingSecret: secret, now: NOW, toleranceSeconds: Infinity },
        ),
      ),
    ).toBe("invalid-timestamp");
  });

  it("accepts exactly ±300 s and rejects 301 s either way (fixed now)", async () => {
    const cases: [offset: number, expected: WebhookVerificationReason | "ok"][] = [
      [-301, "timestamp-too-old"],
      [-300, "ok"],
      [0, "ok"],
      [300, "ok"],
      [301, "timestamp-too-new"],
    ];
    for (const [offset, expected] of cases) {
      const delivery = await signedDelivery(secret, eventJson(), NOW_SECONDS + offset);
      expect(
        await reasonOf(verifyWebhook(toRequest(delivery), { signingSecret: secret, now: NOW })),
        String(offset),
      ).toBe(expected);
    }
  });

  it("honours toleranceSeconds", async () => {
    const delivery = await signedDelivery(secret, eventJson(), NOW_SECONDS - 60);
    expect(await reasonOf(verifyWebhook(delivery, { signingSecret: secret, now: NOW, toleranceSeconds: 59 }))).toBe(
      "timestamp-too-old",
    );
    expect(await reasonOf(verifyWebhook(delivery, { signingSecret: secret, now: NOW, toleranceSeconds: 60 }))).toBe(
      "ok",
    );
  });

  it("checks the timestamp before the signature", async () => {
    const delivery = await signedDelivery(secret, eventJson(), NOW_SECONDS - 3600);
    const forged = { ...delivery.headers, "svix-signature": `v1,${btoa("z".repeat(32))}` };
    expect(
      await reasonOf(verifyWebhook({ headers: forged, body: delivery.body }, { signingSecret: secret, now: NOW })),
    ).toBe("timestamp-too-old");
  });

  it("no-matching-signature when any single byte of the body changes", async () => {
    const delivery = await signedDelivery(secret, eventJson());
    const bytes = new TextEncoder().encode(delivery.body);
    for (const index of [0, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const tampered = bytes.slice();
      tampered[index] = tampered[index]! ^ 0x01;
      expect(
        await reasonOf(
          verifyWebhook({ headers: delivery.headers, body: tampered }, { signingSecret: secret, now: NOW }),
        ),
      ).toBe("no-matching-signature");
    }
    const appended = new Uint8Array([...bytes, 0x20]);
    expect(
      await reasonOf(verifyWebhook({ headers: delivery.headers, body: appended }, { signingSecret: secret, now: NOW })),
    ).toBe("no-matching-signature");
  });

  // Issue 23 item 8: svix, Standard Webhooks and @clerk/backend accept a timestamp with fractional seconds.
  it("accepts a fractional, zero-padded or signed timestamp whose integer part is signed, as svix does", async () => {
    // An independent HMAC, so the check does not lean on signWebhook.
    const key = Uint8Array.from(atob(secret.slice("whsec_".length)), (c) => c.charCodeAt(0));
    const cryptoKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const body = eventJson();
    const mac = async (timestamp: string) =>
      `v1,${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, new TextEncoder().encode(`msg_z.${timestamp}.${body}`)))))}`;
    for (const sent of [`${NOW_SECONDS}.5`, `${NOW_SECONDS - 1}.999`, `0${NOW_SECONDS}`, `+${NOW_SECONDS}`]) {
      const integer = String(Number.parseInt(sent, 10));
      const headers = { "svix-id": "msg_z", "svix-timestamp": sent, "svix-signature": await mac(integer) };
      const verified = await verifyWebhookSignature({ headers, body }, { signingSecret: secret, now: NOW });
      expect(verified.value?.timestamp, sent).toBe(Number(integer));
      expect(
        await reasonOf(verifyWebhook(toRequest({ headers, body }), { signingSecret: secret, now: NOW })),
        sent,
      ).toBe("ok");
      // svix signs the integer it read, never the header text: a signature over the text does not match.
      const overText = { ...headers, "svix-signature": await mac(sent) };
      expect(
        await reasonOf(verifyWebhook({ headers: overText, body }, { signingSecret: secret, now: NOW })),
        sent,
      ).toBe("no-matching-signature");
    }
  });

  it("no-matching-signature for another secret, another id, another timestamp, or only non-v1 entries", async () => {
    const delivery = await signedDelivery(secret, eventJson());
    const { headers, body } = delivery;
    expect(await reasonOf(verifyWebhook(delivery, { signingSecret: randomSecret(), now: NOW }))).toBe(
      "no-matching-signature",
    );
    expect(
      await reasonOf(
        verifyWebhook({ headers: { ...headers, "svix-id": "msg_other" }, body }, { signingSecret: secret, now: NOW }),
      ),
    ).toBe("no-matching-signature");
    expect(
      await reasonOf(
        verifyWebhook(
          { headers: { ...headers, "svix-timestamp": String(NOW_SECONDS + 1) }, body },
          { signingSecret: secret, now: NOW },
        ),
      ),
    ).toBe("no-matching-signature");
    const v1a = headers["svix-signature"]!.replace(/^v1,/, "v1a,");
    expect(
      await reasonOf(
        verifyWebhook({ headers: { ...headers, "svix-signature": v1a }, body }, { signingSecret: secret, now: NOW }),
      ),
    ).toBe("no-matching-signature");
  });

  it("no-matching-signature (failing closed, saying why) for a secret that is not base64", async () => {
    const delivery = await signedDelivery(secret, eventJson());
    const result = await verifyWebhook(delivery, { signingSecret: "whsec_not base64!", now: NOW });
    expect(result.error?.reason).toBe("no-matching-signature");
    expect(result.error?.message).toMatch(/not valid base64/);
  });

  it("invalid-body when the signed body is not JSON, not UTF-8, or not raw text/bytes", async () => {
    expect(
      await reasonOf(verifyWebhook(await signedDelivery(secret, "not json"), { signingSecret: secret, now: NOW })),
    ).toBe("invalid-body");
    expect(await reasonOf(verifyWebhook(await signedDelivery(secret, ""), { signingSecret: secret, now: NOW }))).toBe(
      "invalid-body",
    );
    const invalidUtf8 = new Uint8Array([0x7b, 0xff, 0x7d]);
    const signature = await signWebhook(secret, "msg_1", NOW_SECONDS, invalidUtf8);
    const headers = { "svix-id": "msg_1", "svix-timestamp": String(NOW_SECONDS), "svix-signature": signature.value! };
    expect(await reasonOf(verifyWebhook({ headers, body: invalidUtf8 }, { signingSecret: secret, now: NOW }))).toBe(
      "invalid-body",
    );
    const { headers: h, body } = await signedDelivery(secret, eventJson());
    const parsed = await verifyWebhook({ headers: h, body: JSON.parse(body) }, { signingSecret: secret, now: NOW });
    expect(parsed.error?.reason).toBe("invalid-body");
    expect(parsed.error?.message).toMatch(/raw request body/);
  });

  it("invalid-body when the Request body was already read", async () => {
    const request = toRequest(await signedDelivery(secret, eventJson()));
    await request.text();
    expect(await reasonOf(verifyWebhook(request, { signingSecret: secret, now: NOW }))).toBe("invalid-body");
  });

  it("invalid-event for signed JSON that is no event envelope", async () => {
    for (const body of [
      "[]",
      "null",
      "42",
      '"user.created"',
      JSON.stringify({ object: "event", type: "user.created" }),
      JSON.stringify({ data: {}, type: 7 }),
    ]) {
      const result = await verifyWebhook(await signedDelivery(secret, body), { signingSecret: secret, now: NOW });
      expect(result.error?.reason, body).toBe("invalid-event");
      expect(result.error?.issues?.length, body).toBeGreaterThan(0);
    }
  });
});

describe("verifyWebhook never throws or rejects", () => {
  it("on nonsense input and options", async () => {
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      "str",
      {},
      { headers: null, body: null },
      { headers: 5, body: "x" },
      new Proxy(
        {},
        {
          get() {
            throw new Error("boom");
          },
        },
      ),
    ];
    for (const input of inputs) {
      const result = await verifyWebhook(input as never, { signingSecret: secret, now: NOW });
      expect(result.ok).toBe(false);
      expect(result.error).toBeInstanceOf(WebhookVerificationError);
    }
    const result = await verifyWebhook(await signedDelivery(secret, eventJson()), null as never);
    expect(result.ok).toBe(false);
  });
});

describe("signWebhook", () => {
  it("returns errors instead of throwing for a bad secret, timestamp or body", async () => {
    expect((await signWebhook("", "msg", NOW_SECONDS, "{}")).error?.reason).toBe("missing-secret");
    expect((await signWebhook("whsec_%%%", "msg", NOW_SECONDS, "{}")).error?.reason).toBe("no-matching-signature");
    expect((await signWebhook(secret, "msg", 1.5, "{}")).error?.reason).toBe("invalid-timestamp");
    expect((await signWebhook(secret, "msg", new Date(Number.NaN), "{}")).error?.reason).toBe("invalid-timestamp");
    expect((await signWebhook(secret, "msg", NOW_SECONDS, { a: 1 } as never)).error?.reason).toBe("invalid-body");
  });

  it("accepts a Date and gives the same signature as its whole seconds", async () => {
    const fromDate = await signWebhook(secret, "msg", new Date(NOW_SECONDS * 1000 + 999), "{}");
    const fromSeconds = await signWebhook(secret, "msg", NOW_SECONDS, "{}");
    expect(fromDate.value).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(fromDate.value).toBe(fromSeconds.value);
  });
});
