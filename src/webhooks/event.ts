import { WebhookVerificationError } from "./errors.js";

// INTERIM until the generated models (src/models/webhooks) land: a minimal
// envelope check so verification can be built and tested end to end.

/** A Clerk webhook event (interim shape; replaced by the generated union). */
export interface WebhookEvent {
  readonly object: "event";
  readonly type: string;
  readonly timestamp: number;
  readonly instanceId: string;
  readonly data: Record<string, unknown>;
  readonly eventAttributes?: { readonly httpRequest?: { readonly clientIp?: string; readonly userAgent?: string } };
}

/** Turns the parsed JSON body into a typed event, or `invalid-event` when it is no event envelope. */
export function decodeEvent(json: unknown): WebhookEvent | WebhookVerificationError {
  const body = json as Record<string, unknown> | null;
  const ok =
    !!body &&
    typeof body === "object" &&
    !Array.isArray(body) &&
    typeof body["type"] === "string" &&
    !!body["data"] &&
    typeof body["data"] === "object";
  if (!ok) {
    return new WebhookVerificationError("invalid-event", "The webhook body is JSON but not a Clerk event envelope.", {
      issues: [{ path: "", message: "expected an object with a string \"type\" and an object \"data\"" }],
    });
  }
  return {
    object: "event",
    type: body["type"] as string,
    timestamp: body["timestamp"] as number,
    instanceId: body["instance_id"] as string,
    data: body["data"] as Record<string, unknown>,
  };
}
