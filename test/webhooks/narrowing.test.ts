import { describe, expect, it } from "vitest";
import { isKnownWebhookEvent, signWebhook, verifyWebhook } from "../../src/webhooks/index.js";
import type { UnknownWebhookEvent, WebhookEvent } from "../../src/webhooks/index.js";
import { eventJson, NOW, NOW_SECONDS, randomSecret } from "./delivery.js";

// The handler Clerk apps write, `if (evt.type === "user.created") evt.data.id`,
// narrows without isKnownWebhookEvent (this file is compiled by `npm run
// typecheck`), and an event of a type this version does not model still reaches
// it: in a switch's default branch, or where isKnownWebhookEvent is false.
const secret = randomSecret();

async function receive(type: string, data: Record<string, unknown>): Promise<WebhookEvent> {
  const body = eventJson(type, data);
  const signature = await signWebhook(secret, "msg_1", NOW_SECONDS, body);
  const headers = { "svix-id": "msg_1", "svix-timestamp": String(NOW_SECONDS), "svix-signature": signature.value! };
  const result = await verifyWebhook({ headers, body }, { signingSecret: secret, now: NOW });
  if (!result.ok) throw result.error;
  return result.value;
}

/** A handler as the docs write it: one case per type it cares about, the rest seen in default. */
function handle(evt: WebhookEvent): string {
  if (evt.type === "user.created") return `created ${evt.data.id} (${evt.data.firstName})`;
  switch (evt.type) {
    case "session.ended":
      return `ended ${evt.data.id} of ${evt.data.userId}`;
    case "user.deleted":
      return `deleted ${evt.data.id}`;
    default: {
      const other: UnknownWebhookEvent = evt;
      return `${isKnownWebhookEvent(evt) ? "known" : "unknown"} ${other.type} ${JSON.stringify(other.data)}`;
    }
  }
}

describe("webhook events narrow by `type`", () => {
  it("a known type reaches its branch with typed, camelCased data", async () => {
    const created = await receive("user.created", { object: "user", id: "user_1", first_name: "Ada" });
    expect(handle(created)).toBe("created user_1 (Ada)");
    const ended = await receive("session.ended", { object: "session", id: "sess_1", user_id: "user_1" });
    expect(handle(ended)).toBe("ended sess_1 of user_1");
  });

  it("a known type without a case of its own reaches default", async () => {
    const role = await receive("role.created", { object: "role", id: "role_1", key: "org:admin" });
    expect(handle(role)).toMatch(/^known role\.created /);
  });

  it("a type added after this version reaches default, its data exactly as sent", async () => {
    const data = { object: "teleport", id: "tp_1", nested_key: { keep_me: [1, "two", null] } };
    const event = await receive("user.teleported", data);
    expect(isKnownWebhookEvent(event)).toBe(false);
    expect(handle(event)).toBe(`unknown user.teleported ${JSON.stringify(data)}`);
  });

  it("isKnownWebhookEvent still narrows an event the caller typed with `type: string`", () => {
    const parsed: UnknownWebhookEvent = {
      object: "event",
      type: "user.deleted",
      timestamp: 1,
      instanceId: "ins_1",
      data: { id: "user_1", deleted: true },
    };
    expect(isKnownWebhookEvent(parsed) && parsed.type === "user.deleted" ? parsed.data.deleted : undefined).toBe(true);
  });
});
