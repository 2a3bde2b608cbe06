import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleClerkWebhook } from "../../examples/webhooks/fetch-handler.js";
import { clerkWebhookRoute, rawBody } from "../../examples/webhooks/node-raw-body.js";
import { serveApp, type ServedApp } from "../support/http-server.js";
import { eventJson, randomSecret, signedDelivery, toRequest } from "./delivery.js";

const secret = randomSecret();
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("Fetch handler example, called with real Requests", () => {
  it("answers 200 with the event type for a genuine delivery", async () => {
    const delivery = await signedDelivery(secret, eventJson("user.deleted"), nowSeconds());
    const response = await handleClerkWebhook(toRequest(delivery), { signingSecret: secret });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: "user.deleted", handled: "user_29w83sxmDNGwOuEthce5gg56FcC" });
  });

  it("reads typed, camelCased data of a user.created event", async () => {
    const user = {
      object: "user",
      id: "user_2",
      primary_email_address_id: "idn_b",
      email_addresses: [
        {
          id: "idn_a",
          object: "email_address",
          email_address: "old@example.com",
          reserved: false,
          verification: null,
          linked_to: [],
          created_at: 1,
          updated_at: 1,
        },
        {
          id: "idn_b",
          object: "email_address",
          email_address: "zoë@example.com",
          reserved: false,
          verification: null,
          linked_to: [],
          created_at: 2,
          updated_at: 2,
        },
      ],
    };
    const delivery = await signedDelivery(secret, eventJson("user.created", user), nowSeconds());
    const response = await handleClerkWebhook(toRequest(delivery), { signingSecret: secret });
    expect(await response.json()).toEqual({ received: "user.created", handled: "zoë@example.com" });
  });

  it("answers 200 for an event type it does not know yet", async () => {
    const delivery = await signedDelivery(secret, eventJson("user.teleported", { id: "user_1" }), nowSeconds());
    const response = await handleClerkWebhook(toRequest(delivery), { signingSecret: secret });
    expect(await response.json()).toEqual({ received: "user.teleported", handled: false });
  });

  it("answers 400 with the reason for a forged or stale one", async () => {
    const delivery = await signedDelivery(randomSecret(), eventJson(), nowSeconds());
    const forged = await handleClerkWebhook(toRequest(delivery), { signingSecret: secret });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toEqual({ error: "no-matching-signature" });
    const stale = await handleClerkWebhook(toRequest(await signedDelivery(secret, eventJson(), nowSeconds() - 3600)), {
      signingSecret: secret,
    });
    expect(await stale.json()).toEqual({ error: "timestamp-too-old" });
  });
});

describe("Express-style raw-body example on a real node:http server", () => {
  let url = "";
  const route = clerkWebhookRoute({ signingSecret: secret });
  const unconfigured = clerkWebhookRoute({ signingSecret: "" });
  let app: ServedApp | undefined;
  beforeAll(async () => {
    app = await serveApp((req, res) =>
      rawBody(req, res, () => void (req.url === "/unconfigured" ? unconfigured : route)(req, res)),
    );
    url = `${app.url}/api/webhooks/clerk`;
  });
  afterAll(() => app?.close());

  async function post(
    headers: Record<string, string>,
    body: string,
    target = url,
  ): Promise<{ status: number; json: unknown }> {
    const response = await fetch(target, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
    return { status: response.status, json: await response.json() };
  }

  it("accepts a genuine delivery sent over HTTP, unicode body included", async () => {
    const delivery = await signedDelivery(
      secret,
      eventJson("user.deleted", { object: "user", id: "user_1", deleted: true, note: "Zoë 🙂" }),
      nowSeconds(),
    );
    expect(await post(delivery.headers, delivery.body)).toEqual({ status: 200, json: { received: "user.deleted" } });
  });

  it("rejects missing headers and a body changed in transit", async () => {
    const delivery = await signedDelivery(secret, eventJson(), nowSeconds());
    expect(await post({ "svix-id": delivery.headers["svix-id"]! }, delivery.body)).toEqual({
      status: 400,
      json: { error: "missing-headers" },
    });
    expect(await post(delivery.headers, delivery.body.replace("ins_123", "ins_124"))).toEqual({
      status: 400,
      json: { error: "no-matching-signature" },
    });
  });

  it("answers every rejection reason over real HTTP", async () => {
    const now = nowSeconds();
    const good = await signedDelivery(secret, eventJson(), now);
    const cases: [reason: string, headers: Record<string, string>, body: string, target?: string][] = [
      ["missing-secret", good.headers, good.body, url.replace(/\/api\/webhooks\/clerk$/, "/unconfigured")],
      ["missing-headers", { "svix-id": "msg_1", "svix-signature": good.headers["svix-signature"]! }, good.body],
      ["invalid-timestamp", { ...good.headers, "svix-timestamp": "soon" }, good.body],
      ["timestamp-too-old", (await signedDelivery(secret, eventJson(), now - 301)).headers, good.body],
      ["timestamp-too-new", (await signedDelivery(secret, eventJson(), now + 400)).headers, good.body],
      ["no-matching-signature", good.headers, good.body.replace("}", " }")],
      ["invalid-body", (await signedDelivery(secret, "<xml/>", now)).headers, "<xml/>"],
      [
        "invalid-event",
        (await signedDelivery(secret, '{"type":"user.deleted"}', now)).headers,
        '{"type":"user.deleted"}',
      ],
    ];
    for (const [reason, headers, body, target] of cases) {
      expect(await post(headers, body, target), reason).toEqual({ status: 400, json: { error: reason } });
    }
  });
});
