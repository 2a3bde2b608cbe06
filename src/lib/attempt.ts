import type { ClerkCore } from "../core.js";
import { APIError } from "../errors/apiError.js";
import { ConnectionError } from "../errors/connectionError.js";
import { InvalidRequestError } from "../errors/invalidRequestError.js";
import { RequestAbortedError } from "../errors/requestAbortedError.js";
import { RequestTimeoutError } from "../errors/requestTimeoutError.js";
import { ResponseValidationError } from "../errors/responseValidationError.js";
import type { SDKBaseError } from "../errors/sdkBaseError.js";
import { UnexpectedClientError } from "../errors/unexpectedClientError.js";
import type { AttemptFailure } from "../retries/retry.js";
import { err } from "../types/result.js";
import { readBody, TOO_LARGE } from "./body.js";
import { classifyTransport } from "./classify.js";
import { SDK_VERSION } from "./defaults.js";
import type { HookContext } from "./hooks.js";
import { send, type OfetchInit } from "./http.js";
import type { Operation } from "./operation.js";
import { mustWait, waitForTurn } from "./pacing.js";
import type { Outcome } from "./outcome.js";
import type { Prepared } from "./prepare.js";
import { raced, STOPPED, whenAborted } from "./race.js";
import { isResponse } from "./is-response.js";
import { protect } from "./protect.js";
import { decodeError, type SuccessDecoder } from "./response.js";

type AttemptResult = [Outcome, AttemptFailure?];

const USER_AGENT = `clerk-fn/${SDK_VERSION}`;

// What fetch accepts in a header value: tab, printable ASCII and Latin-1.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * One attempt: its turn (a 429 pause, a `rateLimit` slot), key, headers,
 * hooks, the exchange and the mapping of its outcome. Returns the Result, plus
 * what the retry policy needs to know when the attempt failed in a way that may
 * be retried. The attempt's time limit covers every step, the caller's own code
 * included; whatever that code throws becomes UnexpectedClientError. The key
 * sent never appears in the error's message, stack, toJSON or inspect output.
 *
 * The steps (`exchange`) and the failure path they share (`transportFailure`)
 * are declared inside, below the main flow: they read and set the attempt's
 * state (its signals, the key sent, the debug log's last line) directly.
 */
export async function attemptOnce(
  core: ClerkCore,
  op: Operation,
  ctx: HookContext,
  prepared: Prepared,
  callerSignal: AbortSignal | undefined,
  decode: SuccessDecoder,
): Promise<AttemptResult> {
  const { hooks } = core;
  const { timeoutMs } = prepared;
  // The attempt's signal: the caller's, or with a time limit our own controller, which
  // aborts on the timeout or when the caller's signal does (forwarded while the attempt
  // runs: one listener, removed at the end, and no need for AbortSignal.any, which
  // Vercel's edge runtime lacks). A controller and a timer we clear ourselves:
  // AbortSignal.timeout costs about three times as much per call, and its timer
  // outlives a finished attempt.
  let signal = callerSignal;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let forward: (() => void) | undefined;
  if (timeoutMs) {
    const controller = new AbortController();
    timer = setTimeout(() => controller.abort(new DOMException("The operation timed out.", "TimeoutError")), timeoutMs);
    forward = () => controller.abort(callerSignal!.reason);
    if (callerSignal?.aborted) forward();
    callerSignal?.addEventListener("abort", forward);
    signal = controller.signal;
  }
  // Resolves to STOPPED when `signal` aborts: every step that runs the caller's code races it.
  const [stopped, stopListening] = signal ? whenAborted(signal) : [];
  // The key sent with this attempt, once known (for redaction).
  let secret: string | undefined;
  // Writes the attempt's last debug-log line (`← 200`, `✗ …`), once the `→` line is out.
  let say: ((what: string) => void) | undefined;

  let result: AttemptResult;
  try {
    result = await exchange();
  } catch (thrown) {
    // STOPPED: the attempt ended (timeout, abort) while a step was still running.
    // An InvalidRequestError comes from a limiter that cannot be used (slidingWindow's values): nothing was sent.
    result =
      thrown === STOPPED
        ? await transportFailure(signal!.reason)
        : thrown instanceof InvalidRequestError
          ? [err(thrown)]
          : [
              err(
                new UnexpectedClientError(
                  `Unexpected failure in ${op.id}: ${thrown instanceof Error ? thrown.message : typeof thrown}`,
                  { cause: thrown },
                ),
              ),
            ];
  } finally {
    clearTimeout(timer);
    if (forward) callerSignal?.removeEventListener("abort", forward);
    stopListening?.();
  }
  if (!result[0].ok) protect(result[0].error, secret);
  return result;

  /**
   * The steps of the attempt, in order: its turn, the key, the request (and
   * beforeRequest), the exchange, the response hooks, the body and its decoding.
   * A step that the attempt's end overtakes throws STOPPED.
   */
  async function exchange(): Promise<AttemptResult> {
    const { method, url } = ctx;

    // A shared 429 pause or a `rateLimit` slot: waited within the attempt's time limit.
    if (mustWait(core)) settled(await waitForTurn(core, signal, stopped));
    // Public endpoints (`auth: false`) are called without the key. Not awaited when it is at hand.
    let key: unknown = op.auth === false ? undefined : core.bearerToken();
    if (key instanceof Promise) key = settled(await raced(key, stopped));
    const sent = sendable(key);
    if (sent instanceof Error) return [err(sent)];
    secret = sent;

    // One options object for ofetch (building it in one literal is measurably faster than spreading).
    // The caller's headers (and the body's content type) come last and win. redirect "manual":
    // Clerk's API does not redirect, and following one would re-send a POST body (or the key)
    // to whatever host Location names. ofetch's own retries, throwing on 4xx/5xx and body
    // parsing are off: those are ours.
    const headers: Record<string, string> = {
      accept: "application/json",
      "clerk-api-version": core.apiVersion,
      "user-agent": USER_AGENT,
      ...(sent && { authorization: `Bearer ${sent}` }),
      ...prepared.headers,
    };
    const init: OfetchInit = {
      method,
      headers,
      body: prepared.body ?? null,
      signal: signal ?? null,
      redirect: "manual",
      retry: false,
      ignoreResponseError: true,
      responseType: "stream",
    };

    // What beforeRequest makes of the request (when a hook is set), within the attempt's time limit.
    const request = hooks ? settled(await raced(hooks.request(ctx, url, init), stopped)) : url;

    // The `→` line now; `say` writes the attempt's last line.
    say = core.debugLogger?.attempt(ctx, headers, sent);

    let response: Response;
    try {
      response = settled(await raced(send(core.fetch, request, init), stopped));
    } catch (thrown) {
      if (thrown === STOPPED) throw thrown;
      // ofetch wraps what fetch throws in a FetchError; other errors arrive as they are.
      const byFetch = (thrown as Error)?.name === "FetchError";
      return transportFailure(byFetch ? (thrown as Error).cause : thrown, byFetch);
    }
    if (!isResponse(response))
      return [err(new UnexpectedClientError("the custom fetch returned something that is not a Response"))];
    say?.(`← ${response.status}`);

    // afterSuccess may replace a 2xx response; afterError sees a non-2xx one.
    if (hooks) response = settled(await raced(hooks.response(ctx, response), stopped));
    // The body, raced against the attempt's end and bounded by maxResponseBytes.
    const { ok, status } = response;
    let body: string | typeof TOO_LARGE | typeof STOPPED;
    try {
      body = await raced(readBody(response, core.maxResponseBytes), stopped);
    } catch (thrown) {
      // A broken connection is a transport failure; a corrupt body (bad gzip) is the response's fault.
      if (signal?.aborted || classifyTransport(thrown, false)) return transportFailure(thrown);
      return unreadable(op, response, `it could not be read (${(thrown as Error)?.cause ?? thrown})`, thrown);
    }
    if (body === STOPPED) {
      response.body?.cancel().catch(() => {});
      throw STOPPED;
    }
    if (body === TOO_LARGE)
      return unreadable(op, response, `it is larger than maxResponseBytes (${core.maxResponseBytes} bytes)`);
    if (ok) {
      // Decoding awaits only when onResponseIssues runs: the caller's code, so it races the attempt's end.
      let decoded = decode(core, op, ctx, { response, body }, prepared.validation);
      if (decoded instanceof Promise) decoded = settled(await raced(decoded, stopped));
      return [decoded];
    }
    // Redirects (a 3xx, or status 0 when opaque) are not followed: whatever their body says, an APIError.
    return statusFailure(status < 400 ? new APIError({ response, body }) : decodeError({ response, body }));
  }

  /**
   * What a transport failure (fetch threw, the body broke off, the attempt timed
   * out or was aborted) becomes, after telling afterError (unless it was shown
   * this attempt's non-2xx response already). The caller's abort comes first,
   * then the attempt's timeout, then a network failure; anything else happened
   * on the client side and is not retried.
   */
  async function transportFailure(cause: unknown, thrownByFetch = false): Promise<AttemptResult> {
    const network = classifyTransport(cause, thrownByFetch);
    const [error, failure]: [Error, AttemptFailure?] = callerSignal?.aborted
      ? [new RequestAbortedError({ cause: callerSignal.reason })]
      : signal?.aborted
        ? [new RequestTimeoutError(timeoutMs!, { cause }), { kind: "timeout" }]
        : network
          ? [
              new ConnectionError(
                `Could not reach ${new URL(ctx.url).origin}: ${cause} (${network.codes || "no error code"})`,
                { cause, notSent: network.notSent },
              ),
              { kind: "connection", notSent: network.notSent },
            ]
          : [new UnexpectedClientError(`fetch threw: ${cause}`, { cause })];
    protect(error, secret);
    say?.(`✗ ${error.name}:`);
    // Once the attempt has ended (timeout, abort) a hanging afterError cannot hold it.
    if (hooks) await raced(hooks.failure(ctx, error), stopped);
    return [err(error), failure];
  }
}

/** `value` unless the attempt ended first: then the attempt stops here (attemptOnce maps it). */
function settled<T>(value: T | typeof STOPPED): T {
  if (value === STOPPED) throw STOPPED;
  return value;
}

/** A response error, and what the retry policy needs of it: the status and Retry-After (the error read it). */
const statusFailure = (error: SDKBaseError): AttemptResult => [
  err(error),
  { kind: "status", status: error.statusCode, retryAfterMs: error.retryAfterMs },
];

/** The key to send, undefined for none, or the error when the provider gave something that cannot be sent. */
function sendable(key: unknown): string | undefined | UnexpectedClientError {
  if (key === undefined || key === null || key === "") return undefined;
  if (typeof key !== "string")
    return new UnexpectedClientError(
      `bearerAuth must be a string or a function returning one; it gave ${Array.isArray(key) ? "an array" : typeof key}`,
    );
  return HEADER_VALUE.test(key)
    ? key
    : new UnexpectedClientError("bearerAuth cannot be sent in a header (line break or non-Latin-1 character)");
}

/**
 * A response whose body was not read: a response error. ResponseValidationError
 * for a 2xx of an operation with a JSON body; APIError otherwise (an operation
 * without a JSON body has no ResponseValidationError in its error type).
 */
function unreadable(op: Operation, response: Response, why: string, cause?: unknown): AttemptResult {
  const init = { response, body: "", unread: why, cause };
  if (response.ok && Object.values(op.responses).some((spec) => spec !== "empty" && spec !== "text"))
    return [err(new ResponseValidationError(undefined, [{ message: `the body was not read: ${why}` }], init))];
  return statusFailure(new APIError(init));
}
