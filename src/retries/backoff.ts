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

// RFC 9110's HTTP dates: IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", the
// obsolete RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and asctime "Sun Nov  6
// 08:49:37 1994" (no zone: GMT too). The pattern checks what they share, the
// weekday first and the time then GMT (asctime: the year) last, so a date is
// never read as local time; Date.parse reads the rest. ISO dates and numbers,
// which Date.parse would also take, fail it.
const HTTP_DATE = /^[A-Z].* \d\d:\d\d:\d\d (GMT|\d{4})$/;

/**
 * Milliseconds a `Retry-After` header asks to wait: delta-seconds (digits only,
 * "120") or an HTTP date (see HTTP_DATE). Undefined when absent or neither
 * ("a 5", "-1", "1.5", "2026-01-01T00:00:00Z"); never negative (a date in the
 * past is 0).
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim() ?? "";
  if (/^\d+$/.test(text)) return +text * 1000;
  const at = HTTP_DATE.test(text) ? Date.parse(text.endsWith("GMT") ? text : `${text} GMT`) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
