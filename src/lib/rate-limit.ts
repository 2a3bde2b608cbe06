import { InvalidRequestError } from "../errors/invalidRequestError.js";
import { issueAt } from "../errors/issues.js";
import { sleep } from "../retries/sleep.js";

/**
 * Hands out permission to send one request. `ClerkCore`'s `rateLimit` takes
 * `slidingWindow({ requests, perMs })` or any other object of this shape, so a fleet of workers can share one budget through
 * a distributed limiter (docs/pagination.md shows one over Redis).
 */
export interface RateLimiter {
  /**
   * Resolves when one more request may be sent. `signal` aborts when the
   * caller's signal does or the attempt's `timeoutMs` passes: the call then
   * ends as RequestAbortedError or RequestTimeoutError at once, whether
   * `acquire` settles or not (stop waiting then, or a slot is taken for
   * nothing). A rejection with an InvalidRequestError is the call's error
   * (what `slidingWindow` does with unusable values); any other ends the call
   * as UnexpectedClientError with the rejection as its cause.
   */
  acquire(signal: AbortSignal): Promise<void>;
}

/** At most `requests` requests in any window of `perMs` milliseconds; both whole numbers ≥ 1. */
export interface RateLimit {
  readonly requests: number;
  readonly perMs: number;
}

/**
 * An in-process limiter for `rateLimit`: at most `requests` attempts start in
 * any window of `perMs` milliseconds (both whole numbers ≥ 1), e.g.
 * `slidingWindow({ requests: 100, perMs: 10_000 })`, a development instance's
 * limit. It remembers when the last `requests` attempts started and lets the
 * next one start only once the oldest of them is `perMs` old, so no window of
 * `perMs` ever holds more than `requests` starts, wherever the server's own
 * windows begin. With values that are not whole numbers ≥ 1, every call made
 * through it returns InvalidRequestError without sending anything.
 */
export function slidingWindow(limit: RateLimit): RateLimiter {
  const { requests, perMs } = limit ?? {};
  for (const [key, value] of [
    ["requests", requests],
    ["perMs", perMs],
  ] as const) {
    if (!(Number.isSafeInteger(value) && value > 0)) {
      const issue = issueAt(`rateLimit.${key}`, `must be a whole number ≥ 1, not ${String(value)}`);
      return { acquire: () => Promise.reject(new InvalidRequestError([issue])) };
    }
  }
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
