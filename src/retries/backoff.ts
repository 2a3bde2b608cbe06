import type { BackoffStrategy } from "./config.js";

/**
 * Delay before retry number `retry` (1 for the first retry): exponential growth
 * capped at `maxInterval`, with "equal jitter" (half fixed, half random) so many
 * clients failing together do not retry in lockstep.
 */
export function backoffDelay(retry: number, backoff: BackoffStrategy, random: () => number = Math.random): number {
  const base = Math.min(backoff.maxInterval, backoff.initialInterval * backoff.exponent ** (retry - 1));
  return Math.round(base / 2 + random() * (base / 2));
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delta-seconds ("120") or an
 * HTTP date. Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date has a weekday and month name; this keeps "-1" from parsing as year -1.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
