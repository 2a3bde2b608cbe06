import { describe, expect, it } from "vitest";
import { isKnownWebhookEvent, signWebhook, verifyWebhook, WEBHOOK_EVENT_TYPES } from "../../src/webhooks/index.js";
import type { VerifyWebhookEventOptions, WebhookEvent, WebhookEventIssue } from "../../src/webhooks/index.js";
import { eventJson, NOW, NOW_SECONDS, randomSecret } from "./delivery.js";
import { exampleEvents, webhooksSpecPath } from "./spec.js";

const secret = randomSecret();
const specFile = webhooksSpecPath();
const inCI = process.env["CI"] === "true";

async function deliver(
  body: string,
  options: Omit<VerifyWebhookEventOptions, "signingSecret" | "now"> = {},
): Promise<Awaited<ReturnType<typeof verifyWebhook>>> {
  const signature = await signWebhook(secret, "msg_ex", NOW_SECONDS, body);
  const headers = { "svix-id": "msg_ex", "svix-timestamp": String(NOW_SECONDS), "svix-signature": signature.value! };
  return verifyWebhook({ headers, body }, { ...options, signingSecret: secret, now: NOW });
}

/**
 * Fields of the document's own examples that its schemas do not declare, so a
 * typed decoder rightly drops them (the document's drift, not ours).
 */
const UNDECLARED_EXAMPLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "sms.created": ["data.created_at"], // the schema declares created_at_ms
  ...Object.fromEntries(
    ["paymentAttempt.created", "paymentAttempt.updated"].map((type) => [
      type,
      [
        ...[
          "amount",
          "canceled_at",
          "lifetime_paid",
          "next_payment_amount",
          "next_payment_date",
          "past_due_at",
          "plan_period",
          "proration_date",
        ],
        ...[
          "annual_monthly_amount",
          "description",
          "has_base_fee",
          "instance_id",
          "interval",
          "is_default",
          "is_prorated",
          "period",
          "product_id",
          "publicly_visible",
        ].map((f) => `plan.${f}`),
      ].map((f) => `data.subscription_items[].${f}`),
    ]),
  ),
};

const camel = (wire: string) => wire.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Wire paths of the example that did not survive decoding: every wire key must
 * reappear under its camelCase name (or unchanged inside free-form maps such as
 * metadata), with the same primitive values.
 */
function lostFields(wire: unknown, decoded: unknown, path = "data"): string[] {
  if (Array.isArray(wire)) {
    if (!Array.isArray(decoded)) return [path];
    return wire.flatMap((item, i) => lostFields(item, decoded[i], `${path}[${i}]`));
  }
  if (wire && typeof wire === "object") {
    if (!decoded || typeof decoded !== "object") return [path];
    const out = decoded as Record<string, unknown>;
    return Object.entries(wire).flatMap(([key, value]) => {
      const name = camel(key) in out ? camel(key) : key in out ? key : undefined;
      return name === undefined
        ? value === undefined
          ? []
          : [`${path}.${key}`]
        : lostFields(value, out[name], `${path}.${key}`);
    });
  }
  return Object.is(wire, decoded) ? [] : [path];
}

describe("every example event of the webhooks document", () => {
  if (!specFile) {
    const message = "webhooks-2025-04-15.yml not found (set CLERK_OPENAPI_SPEC to the openapi directory)";
    if (inCI) it("finds the webhooks document", () => expect.fail(message));
    else it.skip(`${message}; example events not checked`, () => {});
    return;
  }
  const examples = exampleEvents(specFile);

  it("covers exactly the document's event types", () => {
    expect([...new Set(examples.map((e) => e.name))].sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    expect(examples.length).toBeGreaterThanOrEqual(WEBHOOK_EVENT_TYPES.length);
  });

  it.each(examples)("$name verifies and decodes into its typed variant", async ({ name, event }) => {
    const result = await deliver(JSON.stringify(event));
    expect(result.error).toBeUndefined();
    const decoded = result.value!;
    expect(decoded.type).toBe(name);
    expect(isKnownWebhookEvent(decoded)).toBe(true);
    expect(decoded.instanceId).toBe(event["instance_id"]);
    expect(decoded.timestamp).toBe(event["timestamp"]);
    const request = (event["event_attributes"] as { http_request?: { client_ip?: string } } | undefined)?.http_request;
    if (request) expect(decoded.eventAttributes?.httpRequest?.clientIp).toBe(request.client_ip);
    // Typed data is a new camelCase object, not the wire object passed through.
    expect(Object.keys(decoded.data as object).filter((key) => key.includes("_"))).toEqual([]);
    const lost = lostFields(event["data"], decoded.data).map((path) => path.replace(/\[\d+\]/g, "[]"));
    expect(lost.filter((path) => !UNDECLARED_EXAMPLE_FIELDS[name]?.includes(path))).toEqual([]);
  });
});

describe("leniency", () => {
  it("returns an event of an unknown type as an UnknownWebhookEvent with its data exactly as sent", async () => {
    const data = { object: "teleport", id: "tp_1", nested_key: { keep_me: [1, "two", null] } };
    const result = await deliver(eventJson("user.teleported", data));
    expect(result.error).toBeUndefined();
    const event: WebhookEvent = result.value!;
    expect(event.type).toBe("user.teleported");
    expect(isKnownWebhookEvent(event)).toBe(false);
    expect(event.data).toEqual(data);
  });

  it("accepts extra fields in the envelope, in data and in nested objects, and unknown enum values", async () => {
    const body = JSON.stringify({
      object: "event",
      type: "role.created",
      instance_id: "ins_1",
      timestamp: 1_780_000_000_000,
      brand_new_envelope_field: { x: 1 },
      event_attributes: {
        http_request: { client_ip: "203.0.113.7", user_agent: "ua", http_version: "3" },
        region: "eu",
      },
      data: {
        object: "role_v2",
        id: "role_1",
        key: "org:admin",
        name: "Admin",
        description: null,
        is_creator_eligible: true,
        permissions: [],
        created_at: 1,
        updated_at: 2,
        brand_new_data_field: "kept",
      },
    });
    const result = await deliver(body);
    expect(result.error).toBeUndefined();
    const event = result.value!;
    expect(isKnownWebhookEvent(event) && event.type === "role.created" ? event.data.key : undefined).toBe("org:admin");
    // Unknown keys are kept: camelCased key, value as sent.
    expect(event.eventAttributes?.httpRequest).toEqual({ clientIp: "203.0.113.7", userAgent: "ua", httpVersion: "3" });
    expect((event as unknown as Record<string, unknown>).brandNewEnvelopeField).toEqual({ x: 1 });
  });

  it("keeps a signed event whose data breaks the schema, value as sent, and reports the path", async () => {
    const reported: WebhookEventIssue[][] = [];
    const body = eventJson("user.deleted", { object: "user", id: "user_1", deleted: "yes" });
    const result = await deliver(body, { onEventIssues: (issues) => reported.push([...issues]) });
    expect(result.error).toBeUndefined();
    expect(result.value?.type).toBe("user.deleted");
    expect(result.value?.data).toEqual({ object: "user", id: "user_1", deleted: "yes" });
    expect(reported).toHaveLength(1);
    expect(reported[0]!.map((i) => i.path)).toEqual(["data.deleted"]);
    expect(JSON.stringify(reported)).not.toContain('"yes"');
  });

  it("keeps an event whose envelope lacks timestamp and instance_id, reporting both", async () => {
    const reported: string[] = [];
    const body = JSON.stringify({
      type: "user.deleted",
      object: "event",
      data: { object: "user", id: "user_2", deleted: true },
    });
    const result = await deliver(body, { onEventIssues: (issues) => reported.push(...issues.map((i) => i.path)) });
    expect(result.value?.data).toEqual({ object: "user", id: "user_2", deleted: true });
    expect(reported.sort()).toEqual(["instance_id", "timestamp"]);
  });

  it("a throwing onEventIssues does not cost the caller the verified event", async () => {
    const body = eventJson("user.deleted", { object: "user", id: "user_3", deleted: 1 });
    const result = await deliver(body, {
      onEventIssues: () => {
        throw new Error("observer bug");
      },
    });
    expect(result.value?.type).toBe("user.deleted");
  });

  it("eventValidation: strict rejects the same event as invalid-event, naming the path", async () => {
    const body = eventJson("user.deleted", { object: "user", id: "user_1", deleted: "yes" });
    const result = await deliver(body, { eventValidation: "strict" });
    expect(result.error?.reason).toBe("invalid-event");
    expect(result.error?.issues?.map((i) => i.path)).toContain("data.deleted");
  });
});
