export type { RetryConfig, BackoffStrategy, RetryStatus } from "./config.js";
export { backoffDelay, parseRetryAfter } from "./backoff.js";
export { nextRetryDelay } from "./retry.js";
export type { AttemptFailure } from "./retry.js";
export { sleep } from "./sleep.js";
