import { DEFAULT_RETRY_CONFIG } from "../lib/defaults.js";
import { backoffDelay } from "./backoff.js";
import type { BackoffStrategy, RetryConfig } from "./config.js";

/** What went wrong with one attempt, as far as retrying is concerned. */
export type AttemptFailure =
  | { readonly kind: "status"; readonly status: number; readonly retryAfterMs?: number | undefined }
  /** `notSent`: the error proves the request never left (e.g. connection refused). */
  | { readonly kind: "connection"; readonly notSent: boolean }
  | { readonly kind: "timeout" };

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
 * - `Retry-After` on 429/503 is a floor: the wait is the longer of it and the
 *   computed backoff (a `Retry-After: 0` never means "at once"). If it is longer
 *   than `maxInterval`, or any wait would cross `maxElapsedTime`, the loop stops.
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
  // Missing backoff fields take the spec's defaults.
  const backoff: BackoffStrategy = {
    ...(DEFAULT_RETRY_CONFIG as { backoff: BackoffStrategy }).backoff,
    ...config.backoff,
  };
  const safe = /^(GET|HEAD|PUT|DELETE|OPTIONS)$/.test(method) || config.retryNonIdempotent;
  const status = failure.kind === "status" ? failure.status : 0;
  // 429 and 503 are the statuses where Retry-After means "refused, come back later".
  const retryAfter = status === 429 || status === 503 ? (failure as { retryAfterMs?: number }).retryAfterMs : undefined;
  const wanted = status
    ? safe
      ? status === 429 ||
        (config.statusCodes ?? ["5XX"]).some((s) => s === status || s === `${Math.floor(status / 100)}XX`)
      : retryAfter !== undefined
    : config.retryConnectionErrors !== false && (safe || (failure as { notSent?: boolean }).notSent);
  if (!wanted || retryAfter! > backoff.maxInterval) return undefined;
  const delay = Math.max(retryAfter ?? 0, backoffDelay(retry, backoff, random));
  return elapsedMs + delay > backoff.maxElapsedTime ? undefined : delay;
}
