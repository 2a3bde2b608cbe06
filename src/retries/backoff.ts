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

// The three HTTP-date forms RFC 9110 (section 5.6.7) accepts: IMF-fixdate
// "Sun, 06 Nov 1994 08:49:37 GMT", the obsolete RFC 850 form
// "Sunday, 06-Nov-94 08:49:37 GMT" and asctime "Sun Nov  6 08:49:37 1994".
const HTTP_DATE =
  /^(?:[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT|[A-Z][a-z]{5,8}, \d\d-[A-Z][a-z]{2}-\d\d \d\d:\d\d:\d\d GMT|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4})$/;

/**
 * Milliseconds a `Retry-After` header asks to wait: delta-seconds (digits only,
 * "120") or an HTTP date in one of RFC 9110's three forms. Undefined when
 * absent or not one of those forms ("a 5", "-1", "1.5"); never negative (a date
 * in the past is 0).
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim() ?? "";
  if (/^\d+$/.test(text)) return +text * 1000;
  // asctime has no zone: it is GMT too.
  const at = HTTP_DATE.test(text) ? Date.parse(text.endsWith("GMT") ? text : `${text} GMT`) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
