// Webhook deliveries: when the fake's data changes it sends the event Clerk would send
// (names and payloads of Clerk's webhooks spec), signed the Standard Webhooks way
// (svix-id, svix-timestamp, svix-signature: "v1,<base64 HMAC-SHA256 of id.timestamp.body>"
// keyed with the base64 part of the whsec_ secret).
import { base64ToBytes, bytesToBase64 } from "./base64.js";
import { clerkId } from "./ids.js";

export interface WebhookOptions {
  /** The endpoint's signing secret, `whsec_` + base64 (as the Dashboard shows it). */
  readonly signingSecret: string;
  /** A URL to POST to, or a function that receives the Request in-process (e.g. your Fetch handler). */
  readonly deliver: string | ((request: Request) => Response | Promise<Response>);
}

/** One delivery and how the receiver answered. */
export interface WebhookDelivery {
  readonly id: string;
  readonly type: string;
  /** The event as sent: { data, object: "event", type, timestamp, instance_id, event_attributes }. */
  readonly payload: Record<string, unknown>;
  /** The raw body that was signed and sent. */
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The receiver's status, or undefined when it could not be reached (see `error`). */
  status: number | undefined;
  responseBody: string | undefined;
  error: string | undefined;
}

/** The event types the fake sends; every one is named in Clerk's webhooks spec (2025-04-15). */
export const WEBHOOK_EVENT_TYPES = [
  "user.created",
  "user.updated",
  "user.deleted",
  "organization.created",
  "organization.updated",
  "organization.deleted",
  "organizationMembership.created",
  "organizationMembership.updated",
  "organizationMembership.deleted",
  "organizationInvitation.created",
  "organizationInvitation.revoked",
  "session.created",
  "session.revoked",
] as const;

async function sign(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  const keyBytes = base64ToBytes(secret.replace(/^whsec_/, ""));
  const key = await crypto.subtle.importKey("raw", keyBytes as BufferSource, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  return `v1,${bytesToBase64(mac)}`;
}

export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];

  constructor(
    private readonly options: WebhookOptions | undefined,
    private readonly instanceId: string,
    private readonly now: () => number,
  ) {}

  /** Signs and sends one event; the outcome is recorded, never thrown. */
  async send(type: string, data: unknown): Promise<void> {
    if (!this.options || !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)) return;
    const nowMs = this.now();
    const payload = {
      data,
      object: "event",
      type,
      timestamp: nowMs,
      instance_id: this.instanceId,
      event_attributes: { http_request: { client_ip: "127.0.0.1", user_agent: "clerk-fn fake" } },
    };
    const body = JSON.stringify(payload);
    const id = clerkId("msg");
    // The signature's timestamp is the real time, as receivers compare it with their own
    // clock; the event's `timestamp` follows the fake's clock like every other timestamp.
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(timestamp),
      "svix-signature": await sign(this.options.signingSecret, id, timestamp, body),
    };
    const delivery: WebhookDelivery = {
      id,
      type,
      payload,
      body,
      headers,
      status: undefined,
      responseBody: undefined,
      error: undefined,
    };
    this.deliveries.push(delivery);
    const { deliver } = this.options;
    try {
      const url = typeof deliver === "string" ? deliver : "http://webhook.receiver.test/";
      const request = new Request(url, { method: "POST", headers, body });
      const response = typeof deliver === "string" ? await fetch(request) : await deliver(request);
      delivery.status = response.status;
      delivery.responseBody = await response.text();
    } catch (error) {
      delivery.error = String(error);
    }
  }
}
