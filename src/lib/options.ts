import type { RetryConfig } from "../retries/config.js";
import type { ResponseValidation } from "./decode.js";

/** Per-call options, the last argument of every operation function. */
export interface RequestOptions {
  /** Replaces the ClerkCore `retryConfig` for this call. */
  readonly retries?: RetryConfig | undefined;
  /** Time limit per attempt in ms; replaces ClerkCore `timeoutMs`. */
  readonly timeoutMs?: number | undefined;
  /** Aborts the call, including a wait between retries: the Result is RequestAbortedError. */
  readonly signal?: AbortSignal | undefined;
  /** Extra headers, applied last (they can override the SDK's). */
  readonly headers?: HeadersInit | Record<string, string> | undefined;
  /** Replaces the ClerkCore `serverUrl` for this call. */
  readonly serverUrl?: string | undefined;
  /** Replaces the ClerkCore `responseValidation` ("lenient" or "strict") for this call. */
  readonly responseValidation?: ResponseValidation | undefined;
}
