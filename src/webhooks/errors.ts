import { ClerkFnError } from "../errors/clerkFnError.js";

/** Why a webhook delivery was rejected; stable strings you can switch on. */
export type WebhookVerificationReason =
  | "missing-secret"
  | "missing-headers"
  | "invalid-timestamp"
  | "timestamp-too-old"
  | "timestamp-too-new"
  | "no-matching-signature"
  | "invalid-body"
  | "invalid-event";

/** One problem found while decoding the event envelope (`invalid-event`). */
export interface WebhookEventIssue {
  /** Dotted wire path of the offending value, e.g. "data.id"; "" for the root. */
  readonly path: string;
  readonly message: string;
}

export interface WebhookVerificationErrorDetails {
  /** For `missing-headers`: the logical header names that were absent, e.g. ["svix-id"]. */
  readonly missingHeaders?: readonly string[];
  /** For `invalid-event`: what did not match the envelope. */
  readonly issues?: readonly WebhookEventIssue[];
  readonly cause?: unknown;
}

/**
 * A webhook delivery that must not be trusted, or a misconfiguration that
 * prevents checking it. Messages never contain the signing secret or the
 * signatures. One of the package's errors: the same base and the same safe
 * `toJSON` (name, reason, message, missingHeaders, issues, cause summary).
 */
export class WebhookVerificationError extends ClerkFnError {
  override readonly name = "WebhookVerificationError";
  readonly reason: WebhookVerificationReason;
  // `declare`: set only when present, so toJSON never shows an undefined field.
  declare readonly missingHeaders?: readonly string[];
  declare readonly issues?: readonly WebhookEventIssue[];

  constructor(reason: WebhookVerificationReason, message: string, details: WebhookVerificationErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.reason = reason;
    if (details.missingHeaders) this.missingHeaders = details.missingHeaders;
    if (details.issues) this.issues = details.issues;
  }

  /** At most 50 issues, each its path and message. */
  protected override jsonFields(): object {
    return { ...this, issues: this.issues?.slice(0, 50).map(({ path, message }) => ({ path, message })) };
  }
}
