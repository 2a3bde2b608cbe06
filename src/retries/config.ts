/** Exponential backoff parameters, all in milliseconds except `exponent`. */
export interface BackoffStrategy {
  /** Base delay before the first retry. */
  readonly initialInterval: number;
  /** No single wait is longer than this (a longer `Retry-After` ends the loop instead). */
  readonly maxInterval: number;
  /** Growth factor per attempt. */
  readonly exponent: number;
  /** No retry starts after this much time has passed since the first attempt. */
  readonly maxElapsedTime: number;
}

/** A status to retry: an exact code (`503`) or a range (`"5XX"`, `"4XX"`). */
export type RetryStatus = number | `${1 | 2 | 3 | 4 | 5}XX`;

/**
 * How failed attempts are retried. Per call, `options.retries` replaces the
 * ClerkCore `retryConfig` as a whole.
 */
export type RetryConfig =
  | { readonly strategy: "none" }
  | {
      readonly strategy: "backoff";
      /** Missing fields take the defaults from the spec (500 ms, 60 s, 1.5, 1 h). */
      readonly backoff?: Partial<BackoffStrategy>;
      /** Retry when the server could not be reached or did not answer in time. Default true. */
      readonly retryConnectionErrors?: boolean;
      /**
       * Statuses worth retrying, in addition to 429 (always retried, it means "later").
       * Default `["5XX"]`, from the spec's `x-speakeasy-retries`.
       */
      readonly statusCodes?: readonly RetryStatus[];
      /**
       * Opt-in: retry POST and PATCH like GET (every status in `statusCodes`, every
       * connection error and timeout). Off by default because a POST that reached the
       * server before failing may have taken effect, and a retry would repeat it.
       */
      readonly retryNonIdempotent?: boolean;
    };
