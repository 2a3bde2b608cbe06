import type { BaseIssue } from "valibot";
import { pathText } from "../errors/issues.js";
import { decodeLenient } from "../lib/decode.js";
import type { ResponseValidation } from "../lib/decode.js";
import { isPlainObject } from "../lib/json.js";
import { webhookEvent$inbound } from "../models/webhooks/index.js";
import type { WebhookEvent } from "../models/webhooks/index.js";
import { err, ok } from "../types/index.js";
import type { Result } from "../types/index.js";
import { WebhookVerificationError } from "./errors.js";
import type { WebhookEventIssue } from "./errors.js";

/** How an event whose payload breaks the event schema is handled. */
export interface EventDecodeOptions {
  /**
   * "lenient" (the default): a signed event is never rejected for its payload;
   * fields that break the schema are kept as sent and reported to
   * `onEventIssues`. "strict": any such field makes it `invalid-event`.
   */
  readonly eventValidation?: ResponseValidation;
  /** Called with what breaks the schema when an event is accepted anyway (paths and messages, no values). */
  readonly onEventIssues?: (issues: readonly WebhookEventIssue[]) => void;
}

/**
 * Turns the parsed JSON body into a typed event (envelope, then `data` by
 * `type`, camelCased). What makes JSON an event at all is an object with a
 * string `type` and an object `data`; anything less is `invalid-event` in both
 * modes. Beyond that, see `eventValidation`. Unknown fields are kept (key
 * camelCased, value as sent); an event of an unknown type is returned too, with
 * `data` as sent (typed as WebhookEvent: see there).
 */
export function decodeEvent(
  json: unknown,
  options: EventDecodeOptions | undefined,
): Result<WebhookEvent, WebhookVerificationError> {
  // Options come from callers' code: anything that is not an object means the defaults.
  const { eventValidation, onEventIssues } = (options ?? {}) as EventDecodeOptions;
  const decoded = decodeLenient(webhookEvent$inbound, json);
  const issues = decoded.issues.map(toIssue);
  if (!isEnvelope(json) || (issues.length > 0 && eventValidation === "strict")) {
    const first = issues[0] ?? { path: "", message: "an event has a string `type` and an object `data`" };
    return err(
      new WebhookVerificationError(
        "invalid-event",
        `The webhook body is JSON but not a valid Clerk event (${first.path || "body"}: ${first.message}).`,
        { issues: issues.length > 0 ? issues : [first] },
      ),
    );
  }
  if (issues.length > 0) report(onEventIssues, issues);
  return ok(decoded.value);
}

/** A reporting callback that throws must not cost the caller a verified event. */
function report(onEventIssues: EventDecodeOptions["onEventIssues"], issues: readonly WebhookEventIssue[]): void {
  try {
    onEventIssues?.(issues);
  } catch {
    // The observer's own failure; the event stays accepted.
  }
}

function isEnvelope(json: unknown): json is { type: string; data: object } {
  return isPlainObject(json) && typeof json.type === "string" && typeof json.data === "object" && json.data !== null;
}

function toIssue(issue: BaseIssue<unknown>): WebhookEventIssue {
  return { path: pathText(issue.path), message: issue.message };
}
