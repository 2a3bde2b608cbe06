// Fault injection (fake.failNext) and Clerk's rate limit (fake.rateLimit).
import { injected, rateLimited, type FakeApiError } from "./errors.js";

export interface FailNextOptions {
  /** Only requests for this operation (the spec's operationId, e.g. "GetUserList"). */
  readonly operationId?: string;
  /** The status to answer with: 429, 500, 502, 503... (an error status, 400 to 599). */
  readonly status: number;
  /** Adds a Retry-After header (seconds). */
  readonly retryAfterSeconds?: number;
  /** How many matching requests fail (default 1; 0 fails none). */
  readonly times?: number;
}

export interface RateLimitOptions {
  readonly requests: number;
  readonly perMs: number;
}

interface PendingFailure {
  readonly options: FailNextOptions;
  remaining: number;
}

export class Faults {
  private failures: PendingFailure[] = [];
  private limit: RateLimitOptions | undefined;
  private window: number[] = [];

  /** Throws a RangeError for a status that is no HTTP error or a count that is no count. */
  failNext(options: FailNextOptions): void {
    const { status, times = 1, retryAfterSeconds } = options;
    if (!Number.isInteger(status) || status < 400 || status > 599)
      throw new RangeError(`fake.failNext: status must be an HTTP error status from 400 to 599, got ${String(status)}`);
    if (!Number.isInteger(times) || times < 0)
      throw new RangeError(`fake.failNext: times must be a whole number from 0, got ${String(times)}`);
    if (retryAfterSeconds !== undefined && (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0))
      throw new RangeError(
        `fake.failNext: retryAfterSeconds must be a whole number from 0, got ${String(retryAfterSeconds)}`,
      );
    // times: 0 fails nothing.
    if (times > 0) this.failures.push({ options, remaining: times });
  }

  rateLimit(options: RateLimitOptions | undefined): void {
    this.limit = options;
    this.window = [];
  }

  /** The failure this request gets, if any. Rate limiting is checked first, as Clerk's edge would. */
  check(operationId: string, nowMs: number): FakeApiError | undefined {
    if (this.limit) {
      const { requests, perMs } = this.limit;
      this.window = this.window.filter((at) => at > nowMs - perMs);
      if (this.window.length >= requests) {
        const oldest = this.window[0] ?? nowMs;
        return rateLimited(Math.max(1, Math.ceil((oldest + perMs - nowMs) / 1000)));
      }
      this.window.push(nowMs);
    }
    const failure = this.failures.find((f) => !f.options.operationId || f.options.operationId === operationId);
    if (!failure) return undefined;
    failure.remaining -= 1;
    if (failure.remaining <= 0) this.failures = this.failures.filter((f) => f !== failure);
    return injected(failure.options.status, failure.options.retryAfterSeconds);
  }

  reset(): void {
    this.failures = [];
    this.limit = undefined;
    this.window = [];
  }
}
