import type { ResponseIssue } from "./decode.js";

/** What a hook knows about the call it runs in. */
export interface HookContext {
  /** The spec's operationId, e.g. "GetUser". */
  readonly operationId: string;
  readonly method: string;
  /** Full URL of this attempt (query included). */
  readonly url: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Optional callbacks around every attempt. A hook that throws or rejects ends
 * the call with `UnexpectedClientError` (never a rejection). Hooks that read a
 * response body must read a `response.clone()`: the SDK reads the original.
 */
export interface Hooks {
  /** Sees the Request about to be sent; may return a replacement (e.g. extra headers). */
  beforeRequest?(ctx: HookContext, request: Request): MaybePromise<Request | void>;
  /** Sees every 2xx Response before it is decoded; may return a replacement. */
  afterSuccess?(ctx: HookContext, response: Response): MaybePromise<Response | void>;
  /**
   * Sees every failed attempt: a non-2xx `response` (with `error` null), or a
   * transport failure (`response` null, `error` the ConnectionError,
   * RequestTimeoutError, … it became; what fetch threw is its `cause`). Runs
   * before the retry decision, so it also sees attempts that will be retried.
   */
  afterError?(ctx: HookContext, response: Response | null, error: unknown): MaybePromise<void>;
  /**
   * Sees every 2xx JSON body that breaks the operation's model (missing or
   * mistyped fields, unexpected nulls, a union no variant accepts), with one
   * issue per deviation (`issue.path` locates it by wire key). In "lenient"
   * mode the call still returns the value, in "strict" mode a
   * ResponseValidationError. Runs before the Result is returned.
   */
  onResponseIssues?(ctx: HookContext, issues: readonly ResponseIssue[]): MaybePromise<void>;
}
