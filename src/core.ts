import { API_VERSION, DEFAULT_RETRY_CONFIG, DEFAULT_SERVER_URL } from "./lib/defaults.js";
import type { ResponseValidation } from "./lib/decode.js";
import type { AttemptHooks } from "./lib/hooks.js";
import type { DebugLogger } from "./lib/logger.js";
import type { RateLimiter } from "./lib/rate-limit.js";
import { withoutTrailingSlashes } from "./lib/url.js";
import type { RetryConfig } from "./retries/config.js";

export { slidingWindow } from "./lib/rate-limit.js";
export type { RateLimit, RateLimiter } from "./lib/rate-limit.js";
export { withHooks } from "./lib/hooks.js";
export type { AttemptHooks, HookContext, Hooks } from "./lib/hooks.js";
export { logTo } from "./lib/logger.js";
export type { DebugLogger, LineWriter } from "./lib/logger.js";

/** A fetch-compatible function (`globalThis.fetch` or a wrapper around it). */
export type Fetcher = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/** A secret key, or a function that returns one (called before every attempt). */
export type BearerAuth = string | (() => string | Promise<string>);

export interface ClerkCoreOptions {
  /** Clerk secret key (`sk_live_…`/`sk_test_…`) or a provider of one. */
  readonly bearerAuth?: BearerAuth | undefined;
  /**
   * Base URL of the Backend API. Default `https://api.clerk.com/v1`. Must be an
   * absolute http(s) URL without credentials; if it is not, every call returns
   * InvalidRequestError without sending anything (the constructor never throws).
   */
  readonly serverUrl?: string | undefined;
  /** Retry policy for every call; `options.retries` overrides it per call. */
  readonly retryConfig?: RetryConfig | undefined;
  /**
   * Time limit per attempt in ms, covering the key provider, hooks, the exchange
   * and reading the body. Default: none. 0, Infinity or more than 2^31 - 1 mean
   * none; a negative or NaN value makes every call return InvalidRequestError.
   */
  readonly timeoutMs?: number | undefined;
  /** Custom fetch used for every request. Default: `globalThis.fetch` at call time. */
  readonly fetch?: Fetcher | undefined;
  /**
   * `withHooks({ beforeRequest, afterSuccess, afterError, onResponseIssues })`:
   * callbacks around every attempt. Default: none.
   */
  readonly hooks?: AttemptHooks | undefined;
  /**
   * `logTo(console)` (or any writer with `debug()` or `log()`): one line per
   * attempt and outcome, secrets redacted. Default: none.
   */
  readonly debugLogger?: DebugLogger | undefined;
  /** Sent as `Clerk-API-Version`. Default: the spec version this SDK was generated from. */
  readonly apiVersion?: string | undefined;
  /**
   * Paces every attempt on this core, retries included:
   * `slidingWindow({ requests, perMs })` (Clerk allows 100 per 10,000 ms on
   * development instances, 1,000 in production), or a limiter shared with other
   * processes. Default: none.
   */
  readonly rateLimit?: RateLimiter | undefined;
  /**
   * Largest response body read, in bytes (after decompression). A longer body is
   * not read: the call returns ResponseValidationError (a 2xx with a
   * JSON body expected) or APIError.
   * Default 10 MiB (`DEFAULT_MAX_RESPONSE_BYTES`).
   */
  readonly maxResponseBytes?: number | undefined;
  /**
   * What a 2xx JSON body that breaks the spec becomes. "lenient" (default): the
   * value, with such fields kept as sent and reported (hooks.onResponseIssues,
   * debugLogger). "strict": a ResponseValidationError. `options.responseValidation` overrides it per call.
   */
  readonly responseValidation?: ResponseValidation | undefined;
}

/** Default `maxResponseBytes`: 10 MiB, far above any Backend API answer. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/**
 * Configuration shared by every operation function. Holds no operations: an app
 * imports only the functions it calls, e.g. `usersGet(clerk, { userId })`.
 */
export class ClerkCore {
  // `declare`: assigned in the constructor, so no separate field definitions are emitted.
  declare readonly serverUrl: string;
  declare readonly retryConfig: RetryConfig;
  declare readonly timeoutMs: number | undefined;
  declare readonly fetch: Fetcher | undefined;
  declare readonly hooks: AttemptHooks | undefined;
  declare readonly debugLogger: DebugLogger | undefined;
  declare readonly apiVersion: string;
  /** The limiter every attempt waits for (checked by every call). */
  declare readonly rateLimit: RateLimiter | undefined;
  declare readonly maxResponseBytes: number;
  declare readonly responseValidation: ResponseValidation;
  // Private so the key never shows in console.log(core) or JSON.stringify(core).
  readonly #bearerAuth: BearerAuth | undefined;

  constructor(options: ClerkCoreOptions = {}) {
    this.#bearerAuth = options.bearerAuth;
    // String(): a URL object works too, and nothing here can throw; calls check the value.
    this.serverUrl = withoutTrailingSlashes(String(options.serverUrl ?? DEFAULT_SERVER_URL));
    this.retryConfig = options.retryConfig ?? DEFAULT_RETRY_CONFIG;
    this.timeoutMs = options.timeoutMs;
    this.fetch = options.fetch;
    this.hooks = options.hooks;
    this.debugLogger = options.debugLogger;
    this.apiVersion = options.apiVersion ?? API_VERSION;
    this.rateLimit = options.rateLimit;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.responseValidation = options.responseValidation ?? "lenient";
  }

  /** The secret key (calling the provider if one was given). May throw if the provider does. */
  bearerToken(): string | undefined | Promise<string | undefined> {
    const auth = this.#bearerAuth;
    return typeof auth === "function" ? auth() : auth;
  }
}
