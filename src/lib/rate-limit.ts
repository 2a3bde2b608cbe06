import type { ValidationIssue } from "../errors/issues.js";
import { sleep } from "../retries/sleep.js";

/**
 * Hands out permission to send one request. `ClerkCore`'s `rateLimit` accepts
 * any object of this shape, so a fleet of workers can share one budget through
 * a distributed limiter (docs/pagination.md shows one over Redis).
 */
export interface RateLimiter {
  /**
   * Resolves when one more request may be sent. `signal` aborts when the
   * caller's signal does or the attempt's `timeoutMs` passes: the call then
   * ends as RequestAbortedError or RequestTimeoutError at once, whether
   * `acquire` settles or not (stop waiting then, or a slot is taken for
   * nothing). Any other rejection ends the call as UnexpectedClientError with
   * the rejection as its cause.
   */
  acquire(signal: AbortSignal): Promise<void>;
}

/** At most `requests` requests in any window of `perMs` milliseconds; both whole numbers ≥ 1. */
export interface RateLimit {
  readonly requests: number;
  readonly perMs: number;
}

/** Why `rateLimit` cannot be used (every call is then an InvalidRequestError), or undefined. */
export function checkRateLimit(limit: RateLimit | RateLimiter | undefined): ValidationIssue | undefined {
  if (!limit || typeof (limit as RateLimiter).acquire === "function") return undefined;
  for (const key of ["requests", "perMs"] as const) {
    const value = (limit as RateLimit)[key];
    if (!(Number.isSafeInteger(value) && value > 0))
      return { message: `must be a whole number ≥ 1, not ${String(value)}`, path: [{ key: `rateLimit.${key}` }] };
  }
  return undefined;
}

/**
 * The in-process limiter behind `rateLimit: { requests, perMs }`: remembers
 * when the last `requests` requests started and lets the next one start only
 * once the oldest of them is `perMs` old. So no window of `perMs` ever holds
 * more than `requests` starts, wherever the server's own windows begin.
 */
export function slidingWindow({ requests, perMs }: RateLimit): RateLimiter {
  const starts: number[] = []; // oldest first, never more than `requests`
  return {
    async acquire(signal) {
      // Asked again after every wake-up: another waiter may have taken the slot.
      // The last check and the push run in one synchronous step, so two waiters
      // never both see the same free slot.
      for (let wait; (wait = (starts.length < requests ? 0 : starts[0]! + perMs) - Date.now()) > 0;) {
        if (!(await sleep(wait, signal))) return;
      }
      if (starts.push(Date.now()) > requests) starts.shift();
    },
  };
}
