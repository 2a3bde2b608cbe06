import { WebhookVerificationError } from "./errors.js";
import { tagOf } from "./tag.js";

const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Reads the timestamp header as svix and Standard Webhooks do: the decimal
 * integer at its start (an optional sign, then digits; anything after them, such
 * as fractional seconds, is not part of the number). That integer, not the
 * header text, is what they sign, and it must lie within `toleranceSeconds` of
 * `now`, both ways; the edges are inside. Returns the seconds or the reason
 * they are unacceptable.
 */
export function checkTimestamp(
  header: string,
  nowSeconds: number,
  toleranceSeconds: number,
): number | WebhookVerificationError {
  const seconds = Number(/^[+-]?\d+/.exec(header)?.[0]);
  if (Number.isNaN(seconds)) {
    return new WebhookVerificationError(
      "invalid-timestamp",
      "The webhook timestamp header does not start with an integer number of seconds.",
    );
  }
  if (nowSeconds - seconds > toleranceSeconds) {
    return new WebhookVerificationError(
      "timestamp-too-old",
      `The webhook timestamp is ${nowSeconds - seconds} s old, more than the ${toleranceSeconds} s tolerance (a replay, or a clock out of sync).`,
    );
  }
  if (seconds - nowSeconds > toleranceSeconds) {
    return new WebhookVerificationError(
      "timestamp-too-new",
      `The webhook timestamp is ${seconds - nowSeconds} s in the future, more than the ${toleranceSeconds} s tolerance (a clock out of sync).`,
    );
  }
  // Beyond 2^53 s (285 million years) only an unbounded tolerance gets here.
  if (!Number.isSafeInteger(seconds)) {
    return new WebhookVerificationError("invalid-timestamp", "The webhook timestamp is out of range.");
  }
  return seconds;
}

/** Whole seconds of `now`, or of the current time when `now` is absent or not a valid Date. */
export function toSeconds(now: Date | undefined): number {
  const ms = tagOf(now) === "Date" ? Date.prototype.getTime.call(now) : Number.NaN;
  return Math.floor((Number.isFinite(ms) ? ms : Date.now()) / 1000);
}

/** The tolerance to apply: a non-negative number (Infinity allowed), else the default. */
export function toleranceOf(value: number | undefined): number {
  return typeof value === "number" && value >= 0 ? value : DEFAULT_TOLERANCE_SECONDS;
}
