import { UnexpectedClientError } from "../errors/unexpectedClientError.js";
import type { ResponseIssue } from "./decode.js";
import { isResponse } from "./is-response.js";

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
 * Callbacks around every attempt, given to `withHooks`. A hook that throws or
 * rejects ends the call with `UnexpectedClientError` (never a rejection). Hooks
 * that read a response body must read a `response.clone()`: the SDK reads the original.
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

/**
 * What the `hooks` option holds: the interpreter's side of the callbacks. Make
 * one with `withHooks({ … })`: the code that runs hooks lives there, so a core
 * without hooks does not carry it.
 */
export interface AttemptHooks {
  /** What to send: `url` with `init`, or the Request beforeRequest made of them (`init` then loses what a Request carries). */
  request(ctx: HookContext, url: string, init: RequestInit): Promise<Request | string>;
  /** The response to read: afterSuccess's replacement of a 2xx; a non-2xx one after afterError has seen it. */
  response(ctx: HookContext, response: Response): Promise<Response>;
  /** A transport failure, unless afterError has seen this attempt's response already. */
  failure(ctx: HookContext, error: Error): Promise<void>;
  /** A 2xx body broke the operation's model. */
  issues(ctx: HookContext, issues: readonly ResponseIssue[]): Promise<void>;
}

/**
 * The `hooks` option from callbacks:
 * `new ClerkCore({ hooks: withHooks({ beforeRequest(ctx, request) { … } }) })`.
 * Every hook is optional; each runs within the attempt's time limit.
 */
export function withHooks(hooks: Hooks): AttemptHooks {
  // `?? {}`: called from JavaScript without an object, it makes hooks that do nothing rather than throw.
  const { beforeRequest, afterSuccess, afterError, onResponseIssues } = hooks ?? {};
  // Attempts (one context each) whose non-2xx response afterError has seen: a
  // failure while reading that response's body is not shown to it again.
  const shown = new WeakSet<HookContext>();
  return {
    async request(ctx, url, init) {
      if (!beforeRequest) return url;
      // duplex: fetch requires it when the body is a stream.
      const built = new Request(url, { ...init, duplex: "half" } as RequestInit);
      const replaced = await beforeRequest(ctx, built);
      if (replaced && !(replaced instanceof Request)) throw notA("Request", "beforeRequest");
      // A Request carries its own method, headers and body.
      delete init.method;
      delete init.headers;
      delete init.body;
      return replaced || built;
    },
    async response(ctx, response) {
      if (!response.ok) {
        shown.add(ctx);
        await afterError?.(ctx, response, null);
        return response;
      }
      const replaced = await afterSuccess?.(ctx, response);
      if (replaced && !isResponse(replaced)) throw notA("Response", "afterSuccess");
      return replaced || response;
    },
    async failure(ctx, error) {
      if (!shown.has(ctx)) await afterError?.(ctx, null, error);
    },
    async issues(ctx, issues) {
      await onResponseIssues?.(ctx, issues);
    },
  };
}

const notA = (kind: string, hook: string) =>
  new UnexpectedClientError(`hooks.${hook} returned something that is not a ${kind}`);
