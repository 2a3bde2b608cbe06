import { backoffDelay } from "./backoff.js";
import type { BackoffStrategy, RetryConfig, RetryStatus } from "./config.js";

/** What went wrong with one attempt, as far as retrying is concerned. */
export type AttemptFailure =
  | { readonly kind: "status"; readonly status: number; readonly retryAfterMs?: number | undefined }
  /** `notSent`: the error proves the request never left (e.g. connection refused). */
  | { readonly kind: "connection"; readonly notSent: boolean }
  | { readonly kind: "timeout" };

const FALLBACK_BACKOFF: BackoffStrategy = {
  initialInterval: 500,
  maxInterval: 60_000,
  exponent: 1.5,
  maxElapsedTime: 3_600_000,
};

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

function statusMatches(status: number, list: readonly RetryStatus[]): boolean {
  for (const s of list) {
    if (typeof s === "number" ? s === status : Math.floor(status / 100) === Number(s[0])) return true;
  }
  return false;
}

/**
 * Milliseconds to wait before the next attempt, or `undefined` to stop and
 * report `failure`. `retry` counts retries (1 for the first), `elapsedMs` is the
 * time since the first attempt started.
 *
 * Rules (no duplicated writes by default):
 * - GET, HEAD, PUT, DELETE: retried on 429, on `statusCodes` (default 5XX), on
 *   connection errors and timeouts (when `retryConnectionErrors`).
 * - POST, PATCH: only on 429/503 that carry `Retry-After` (the server refused the
 *   request) and on connection errors that prove nothing was sent, unless the
 *   config sets `retryNonIdempotent`.
 * - `Retry-After` on 429/503 replaces the computed delay; if it is longer than
 *   `maxInterval`, or any wait would cross `maxElapsedTime`, the loop stops.
 */
export function nextRetryDelay(
  config: RetryConfig,
  method: string,
  failure: AttemptFailure,
  retry: number,
  elapsedMs: number,
  random?: () => number,
): number | undefined {
  if (config.strategy !== "backoff") return undefined;
  const backoff = { ...FALLBACK_BACKOFF, ...config.backoff };
  const safe = IDEMPOTENT.has(method) || config.retryNonIdempotent === true;
  const connection = config.retryConnectionErrors !== false;

  let wanted: boolean;
  let retryAfter: number | undefined;
  if (failure.kind === "status") {
    const laterSignal = failure.status === 429 || failure.status === 503;
    if (laterSignal) retryAfter = failure.retryAfterMs;
    if (safe) wanted = failure.status === 429 || statusMatches(failure.status, config.statusCodes ?? ["5XX"]);
    else wanted = laterSignal && retryAfter !== undefined;
  } else if (failure.kind === "connection") {
    wanted = connection && (safe || failure.notSent);
  } else {
    wanted = connection && safe;
  }
  if (!wanted) return undefined;

  if (retryAfter !== undefined && retryAfter > backoff.maxInterval) return undefined;
  const delay = retryAfter ?? backoffDelay(retry, backoff, random);
  if (elapsedMs + delay > backoff.maxElapsedTime) return undefined;
  return delay;
}
