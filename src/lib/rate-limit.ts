import { sleep } from "../retries/sleep.js";

/**
 * Hands out permission to send one request. `ClerkCore`'s `rateLimit` accepts
 * any object of this shape, so a fleet of workers can share one budget through
 * a distributed limiter (docs/pagination.md shows one over Redis).
 */
export interface RateLimiter {
  /**
   * Resolves when one more request may be sent. Should resolve soon after
   * `signal` aborts (the call then ends as RequestAbortedError); a rejection
   * ends the call as UnexpectedClientError with the rejection as its cause.
   */
  acquire(signal?: AbortSignal): Promise<void>;
}

/** At most `requests` requests in any window of `perMs` milliseconds. */
export interface RateLimit {
  readonly requests: number;
  readonly perMs: number;
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
