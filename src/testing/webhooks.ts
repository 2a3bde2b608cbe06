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
  /**
   * How long one delivery may take, answer body included, before it is recorded as failed
   * (`error`) and the API call that caused it goes on. Default 15,000 ms.
   */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

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

async function sign(keyBytes: Uint8Array, id: string, timestamp: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", keyBytes as BufferSource, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  return `v1,${bytesToBase64(mac)}`;
}

/** The HMAC key of a whsec_ secret; throws a TypeError naming the problem (never the secret). */
function signingKey(secret: unknown): Uint8Array {
  if (typeof secret !== "string" || !secret.startsWith("whsec_"))
    throw new TypeError("createClerkFake: webhooks.signingSecret must be a string starting with whsec_");
  let key: Uint8Array;
  try {
    key = base64ToBytes(secret.slice("whsec_".length));
  } catch {
    throw new TypeError("createClerkFake: webhooks.signingSecret must be whsec_ followed by base64");
  }
  if (key.length === 0) throw new TypeError("createClerkFake: webhooks.signingSecret has an empty key");
  return key;
}

/** Checks the options when the fake is made, so a bad one fails there, not after a change was stored. */
function checkOptions(options: WebhookOptions): { key: Uint8Array; timeoutMs: number } {
  const key = signingKey(options.signingSecret);
  const { deliver, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  if (typeof deliver === "string") {
    try {
      new URL(deliver);
    } catch {
      throw new TypeError("createClerkFake: webhooks.deliver must be an absolute URL");
    }
  } else if (typeof deliver !== "function") {
    throw new TypeError("createClerkFake: webhooks.deliver must be a URL or a function");
  }
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new TypeError("createClerkFake: webhooks.timeoutMs must be a positive number");
  return { key, timeoutMs };
}

/** Resolves with `work`, or rejects once `ms` have passed (the timer never outlives the race). */
async function withTimeout<T>(work: Promise<T>, ms: number, controller: AbortController): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`the receiver did not answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly checked: { key: Uint8Array; timeoutMs: number } | undefined;

  constructor(
    private readonly options: WebhookOptions | undefined,
    private readonly instanceId: string,
    private readonly now: () => number,
  ) {
    this.checked = options ? checkOptions(options) : undefined;
  }

  /** Signs and sends one event; the outcome is recorded, never thrown. */
  async send(type: string, data: unknown): Promise<void> {
    const { options, checked } = this;
    if (!options || !checked || !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)) return;
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
      "svix-signature": await sign(checked.key, id, timestamp, body),
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
    const { deliver } = options;
    const controller = new AbortController();
    const url = typeof deliver === "string" ? deliver : "http://webhook.receiver.test/";
    const request = new Request(url, { method: "POST", headers, body, signal: controller.signal });
    const exchange = async () => {
      const response = typeof deliver === "string" ? await fetch(request) : await deliver(request);
      return { status: response.status, text: await response.text() };
    };
    try {
      const answer = await withTimeout(exchange(), checked.timeoutMs, controller);
      delivery.status = answer.status;
      delivery.responseBody = answer.text;
    } catch (error) {
      delivery.error = String(error);
    }
  }
}
