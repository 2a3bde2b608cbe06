// Fault injection (fake.failNext) and Clerk's rate limit (fake.rateLimit).
import { injected, rateLimited, type FakeApiError } from "./errors.js";

export interface FailNextOptions {
  /** Only requests for this operation (the spec's operationId, e.g. "GetUserList"). */
  readonly operationId?: string;
  /** The status to answer with: 429, 500, 502, 503... */
  readonly status: number;
  /** Adds a Retry-After header (seconds). */
  readonly retryAfterSeconds?: number;
  /** How many matching requests fail (default 1). */
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

  failNext(options: FailNextOptions): void {
    this.failures.push({ options, remaining: options.times ?? 1 });
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
