import { safeParse } from "valibot";
import type { BaseIssue } from "valibot";
import { webhookEvent$inbound } from "../models/webhooks/index.js";
import type { WebhookEvent } from "../models/webhooks/index.js";
import { WebhookVerificationError } from "./errors.js";
import type { WebhookEventIssue } from "./errors.js";

/**
 * Turns the parsed JSON body into a typed event (envelope, then `data` by
 * `type`, camelCased), or `invalid-event` when it is no event envelope. Unknown
 * fields are ignored and an unknown type decodes as an UnknownWebhookEvent.
 */
export function decodeEvent(json: unknown): WebhookEvent | WebhookVerificationError {
  const parsed = safeParse(webhookEvent$inbound, json);
  if (parsed.success) return parsed.output;
  const issues = parsed.issues.map(toIssue);
  const first = issues[0];
  return new WebhookVerificationError(
    "invalid-event",
    `The webhook body is JSON but not a valid Clerk event${first ? ` (${first.path || "body"}: ${first.message})` : ""}.`,
    { issues },
  );
}

function toIssue(issue: BaseIssue<unknown>): WebhookEventIssue {
  const path = (issue.path ?? []).map((item) => String((item as { key?: unknown }).key)).join(".");
  return { path, message: issue.message };
}
