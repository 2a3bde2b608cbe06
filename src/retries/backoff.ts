import type { BackoffStrategy } from "./config.js";

/**
 * Delay before retry number `retry` (1 for the first retry): exponential growth
 * capped at `maxInterval`, with "equal jitter" (half fixed, half random) so many
 * clients failing together do not retry in lockstep.
 */
export function backoffDelay(retry: number, backoff: BackoffStrategy, random: () => number = Math.random): number {
  const half = Math.min(backoff.maxInterval, backoff.initialInterval * backoff.exponent ** (retry - 1)) / 2;
  return Math.round(half + random() * half);
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delta-seconds ("120") or an
 * HTTP date. Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim() ?? "";
  if (/^\d+$/.test(text)) return +text * 1000;
  // An HTTP date has a weekday and month name; this keeps "-1" from parsing as year -1.
  const at = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
