import { signWebhook } from "../../src/webhooks/index.js";

/** A fresh random signing secret in Clerk's `whsec_<base64>` form. */
export function randomSecret(bytes = 24): string {
  const key = crypto.getRandomValues(new Uint8Array(bytes));
  return `whsec_${btoa(String.fromCharCode(...key))}`;
}

export const NOW = new Date(1_780_000_000_000);
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

export interface Delivery {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Signs `body` with our signer and returns the svix-* headers a real delivery carries. */
export async function signedDelivery(
  secret: string,
  body: string,
  timestamp = NOW_SECONDS,
  id = "msg_2abcDEF",
): Promise<Delivery> {
  const signature = await signWebhook(secret, id, timestamp, body);
  if (!signature.ok) throw signature.error;
  return {
    headers: { "svix-id": id, "svix-timestamp": String(timestamp), "svix-signature": signature.value },
    body,
  };
}

export function eventJson(
  type = "user.deleted",
  data: Record<string, unknown> = { object: "user", id: "user_29w83sxmDNGwOuEthce5gg56FcC", deleted: true },
): string {
  return JSON.stringify({
    data,
    event_attributes: { http_request: { client_ip: "203.0.113.7", user_agent: "vitest" } },
    instance_id: "ins_123",
    object: "event",
    timestamp: 1_780_000_000_000,
    type,
  });
}

/** A POST Request carrying the delivery, as a Fetch handler would receive it. */
export function toRequest(delivery: Delivery, url = "https://example.test/api/webhooks/clerk"): Request {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...delivery.headers },
    body: delivery.body,
  });
}
