import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  WEBHOOK_EVENT_TYPES,
  isKnownWebhookEvent,
  webhookEvent$inbound,
  type WebhookEvent,
} from "../../src/models/webhooks/index.js";

// The webhooks document's own example payloads, read at test time (not copied).
const specPath =
  process.env.CLERK_WEBHOOKS_SPEC ??
  fileURLToPath(new URL("../../../shared/openapi/webhooks-2025-04-15.yml", import.meta.url));
const spec = parse(readFileSync(specPath, "utf8"), { maxAliasCount: -1 }) as Record<string, any>;
const events = spec["x-webhooks"] as Record<string, any>;
const examples: [string, Record<string, unknown>][] = [];
for (const [type, item] of Object.entries(events)) {
  const media = item.post.requestBody.content["application/json"];
  if (media.example) examples.push([type, media.example]);
  for (const ex of Object.values((media.examples ?? {}) as Record<string, any>)) {
    const value = ex.$ref ? spec.components.examples[ex.$ref.split("/").pop()].value : ex.value;
    if (value) examples.push([type, value]);
  }
}

describe("webhook events", () => {
  it("WEBHOOK_EVENT_TYPES lists every event of the document, sorted", () => {
    expect([...WEBHOOK_EVENT_TYPES]).toEqual(Object.keys(events).sort());
  });

  it("the document has examples to decode", () => {
    expect(examples.length).toBeGreaterThan(20);
  });

  it.each(examples)("decodes the %s example to a typed, camelCase event", (type, payload) => {
    const out = v.safeParse(webhookEvent$inbound, payload);
    expect(out.issues?.map((i) => `${i.path?.map((p) => p.key).join(".")}: ${i.message}`) ?? []).toEqual([]);
    const event = out.output as WebhookEvent;
    expect(event.type).toBe(type);
    expect(isKnownWebhookEvent(event)).toBe(true);
    expect(event.instanceId).toBe(payload.instance_id);
    expect(event).not.toHaveProperty("instance_id");
  });

  it("narrows data by type: user.created carries a camelCase User", () => {
    const [, payload] = examples.find(([t]) => t === "user.created")!;
    const event = v.parse(webhookEvent$inbound, payload) as WebhookEvent;
    if (!isKnownWebhookEvent(event) || event.type !== "user.created") throw new Error("expected user.created");
    expect(event.data.id).toMatch(/^user_/);
    expect(Array.isArray(event.data.emailAddresses)).toBe(true);
    expect(event.eventAttributes?.httpRequest?.clientIp).toBeTypeOf("string");
  });

  it("an unknown event type is never rejected: its data stays exactly as sent", () => {
    const data = { some_field: 1, nested: { snake_case: true } };
    const out = v.safeParse(webhookEvent$inbound, {
      object: "event",
      type: "brandnew.created",
      timestamp: 1,
      instance_id: "ins_1",
      data,
    });
    expect(out.success).toBe(true);
    const event = out.output as WebhookEvent;
    expect(isKnownWebhookEvent(event)).toBe(false);
    expect(event).toEqual({ object: "event", type: "brandnew.created", timestamp: 1, instanceId: "ins_1", data });
  });

  it("a broken envelope or a known type with broken data is an issue", () => {
    expect(v.safeParse(webhookEvent$inbound, { type: "brandnew.created", data: {} }).success).toBe(false);
    expect(
      v.safeParse(webhookEvent$inbound, {
        object: "event",
        type: "user.created",
        timestamp: 1,
        instance_id: "i",
        data: { id: 5 },
      }).success,
    ).toBe(false);
  });
});
