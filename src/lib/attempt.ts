import type { ClerkCore } from "../core.js";
import { APIError } from "../errors/apiError.js";
import { ConnectionError } from "../errors/connectionError.js";
import { RequestAbortedError } from "../errors/requestAbortedError.js";
import { RequestTimeoutError } from "../errors/requestTimeoutError.js";
import { ResponseValidationError } from "../errors/responseValidationError.js";
import { UnexpectedClientError } from "../errors/unexpectedClientError.js";
import type { AttemptFailure } from "../retries/retry.js";
import { err, ok } from "../types/result.js";
import type { Result } from "../types/result.js";
import { readBody, TOO_LARGE } from "./body.js";
import { classifyTransport } from "./classify.js";
import type { ResponseValidation } from "./decode.js";
import { SDK_VERSION } from "./defaults.js";
import type { HookContext } from "./hooks.js";
import { send } from "./http.js";
import type { Operation } from "./operation.js";
import { waitForTurn } from "./pacing.js";
import type { Outcome } from "./outcome.js";
import type { Prepared } from "./prepare.js";
import { raced, STOPPED, whenAborted } from "./race.js";
import { protect } from "./protect.js";
import { decodeError, type SuccessDecoder } from "./response.js";

type AttemptResult = [Outcome, AttemptFailure?];

const USER_AGENT = `clerk-fn/${SDK_VERSION}`;

// What fetch accepts in a header value: tab, printable ASCII and Latin-1.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** What one attempt needs besides the core and the operation. */
interface Attempt {
  readonly ctx: HookContext;
  readonly callerSignal: AbortSignal | undefined;
  readonly timeoutMs: number | undefined;
  /** Aborts on the caller's signal or the attempt's timeout. */
  readonly signal: AbortSignal | undefined;
  /** Resolves to STOPPED when `signal` aborts: every step that runs the caller's code races it. */
  readonly stopped: Promise<typeof STOPPED> | undefined;
  /** How a 2xx body becomes the value (with or without the operation's model). */
  readonly decode: SuccessDecoder;
  /** How a 2xx body that breaks the spec is handled. */
  readonly validation: ResponseValidation;
  /** The key sent with this attempt, once known (for redaction). */
  secret?: string | undefined;
}

/**
 * One attempt: its turn (a 429 pause, a `rateLimit` slot), key, headers,
 * hooks, the exchange and the mapping of its outcome. Returns the Result, plus what the retry policy needs to know when
 * the attempt failed in a way that may be retried. The attempt's time limit
 * covers every step, the caller's own code included; whatever that code
 * throws becomes UnexpectedClientError. The key sent never appears in the
 * error's message, stack, toJSON or inspect output.
 */
export async function attemptOnce(
  core: ClerkCore,
  op: Operation,
  ctx: HookContext,
  prepared: Prepared,
  callerSignal: AbortSignal | undefined,
  decode: SuccessDecoder,
): Promise<AttemptResult> {
  const { timeoutMs } = prepared;
  // A controller and a timer we clear ourselves: AbortSignal.timeout costs about
  // three times as much per call, and its timer outlives a finished attempt.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timeout: AbortSignal | undefined;
  if (timeoutMs) {
    const controller = new AbortController();
    timer = setTimeout(() => controller.abort(new DOMException("The operation timed out.", "TimeoutError")), timeoutMs);
    timeout = controller.signal;
  }
  const signal = timeout && callerSignal ? either(callerSignal, timeout) : (timeout ?? callerSignal);
  const [stopped, stopListening] = signal ? whenAborted(signal) : [];
  const attempt: Attempt = { ctx, callerSignal, timeoutMs, signal, stopped, decode, validation: prepared.validation };
  let result: AttemptResult;
  try {
    result = await exchange(core, op, prepared, attempt);
  } catch (cause) {
    result = [
      err(
        new UnexpectedClientError(
          `Unexpected failure in ${op.id}: ${cause instanceof Error ? cause.message : typeof cause}`,
          { cause },
        ),
      ),
    ];
  } finally {
    clearTimeout(timer);
    stopListening?.();
  }
  if (!result[0].ok) protect(result[0].error, attempt.secret);
  return result;
}

async function exchange(core: ClerkCore, op: Operation, prepared: Prepared, attempt: Attempt): Promise<AttemptResult> {
  const { hooks } = core;
  const { ctx, signal, stopped } = attempt;
  const { method, url } = ctx;

  // A shared 429 pause or a `rateLimit` slot: waited within the attempt's time limit.
  if (!(await waitForTurn(core, signal, stopped))) return transportFailure(core, attempt, signal?.reason);
  const key = await bearerSecret(core, op, stopped);
  if (key === STOPPED) return transportFailure(core, attempt, signal?.reason);
  if (!key.ok) return [key];
  const secret = (attempt.secret = key.value);

  // A plain record: ofetch turns it into the one Headers object fetch receives.
  // The caller's headers (and the body's content type) come last and win.
  const headers: Record<string, string> = {
    accept: "application/json",
    "clerk-api-version": core.apiVersion,
    "user-agent": USER_AGENT,
    ...(secret && { authorization: `Bearer ${secret}` }),
    ...prepared.headers,
  };
  // redirect "manual": Clerk's API does not redirect, and following one would
  // re-send a POST body (or the key) to whatever host Location names.
  const init: RequestInit = {
    method,
    headers,
    body: prepared.body ?? null,
    signal: signal ?? null,
    redirect: "manual",
  };

  let request: Request | string = url;
  if (hooks?.beforeRequest) {
    // duplex: fetch requires it when the body is a stream.
    const built = new Request(url, { ...init, duplex: "half" } as RequestInit);
    const replaced = await raced(hooks.beforeRequest(ctx, built), stopped);
    if (replaced === STOPPED) return transportFailure(core, attempt, signal?.reason);
    if (replaced && !(replaced instanceof Request))
      return [err(new UnexpectedClientError("hooks.beforeRequest returned something that is not a Request"))];
    request = replaced || built;
  }

  // The `→` line now; `say` writes the attempt's last line (`← 200`, `✗ …`).
  const say = core.debugLogger?.attempt(ctx, headers, secret);

  let response: Response | typeof STOPPED;
  try {
    // A Request from beforeRequest carries its own method, headers and body.
    response = await raced(
      send(core.fetch, request, typeof request === "string" ? init : { signal: signal ?? null, redirect: "manual" }),
      stopped,
    );
  } catch (thrown) {
    // ofetch wraps what fetch throws in a FetchError; other errors arrive as they are.
    const byFetch = (thrown as Error)?.name === "FetchError";
    return transportFailure(core, attempt, byFetch ? (thrown as Error).cause : thrown, byFetch, say);
  }
  if (response === STOPPED) return transportFailure(core, attempt, signal?.reason, false, say);
  if (!isResponse(response))
    return [err(new UnexpectedClientError("the custom fetch returned something that is not a Response"))];
  say?.(`← ${response.status}`);

  if (response.ok) {
    const replaced = hooks?.afterSuccess ? await raced(hooks.afterSuccess(ctx, response), stopped) : undefined;
    if (replaced === STOPPED) return transportFailure(core, attempt, signal?.reason, false, say);
    if (replaced && !isResponse(replaced))
      return [err(new UnexpectedClientError("hooks.afterSuccess returned something that is not a Response"))];
    response = replaced || response;
  } else if (hooks?.afterError && (await raced(hooks.afterError(ctx, response, null), stopped)) === STOPPED) {
    return transportFailure(core, attempt, signal?.reason, false, say, true);
  }
  return readAndDecode(core, op, attempt, response, say);
}

/**
 * The key to send (undefined for public endpoints or when there is none), an
 * error when the provider gave something that cannot be sent, or STOPPED when
 * the attempt ended while the provider was still working.
 */
async function bearerSecret(
  core: ClerkCore,
  op: Operation,
  stopped: Promise<typeof STOPPED> | undefined,
): Promise<Result<string | undefined, UnexpectedClientError> | typeof STOPPED> {
  // Public endpoints (`auth: false`) are called without the key.
  const secret: unknown = op.auth === false ? undefined : await raced(core.bearerToken(), stopped);
  if (secret === STOPPED) return STOPPED;
  if (secret === undefined || secret === null || secret === "") return ok(undefined);
  if (typeof secret !== "string")
    return err(
      new UnexpectedClientError(
        `bearerAuth must be a string or a function returning one; it gave ${Array.isArray(secret) ? "an array" : typeof secret}`,
      ),
    );
  if (!HEADER_VALUE.test(secret))
    return err(
      new UnexpectedClientError("bearerAuth cannot be sent in a header (line break or non-Latin-1 character)"),
    );
  return ok(secret);
}

/** Reads the body (racing the attempt's end, bounded by maxResponseBytes) and maps the response to the Outcome. */
async function readAndDecode(
  core: ClerkCore,
  op: Operation,
  attempt: Attempt,
  response: Response,
  say: ((what: string) => void) | undefined,
): Promise<AttemptResult> {
  const { ok, status } = response;
  let body: string | typeof TOO_LARGE | typeof STOPPED;
  try {
    body = await raced(readBody(response, core.maxResponseBytes), attempt.stopped);
  } catch (thrown) {
    // A broken connection is a transport failure; a corrupt body (bad gzip) is the response's fault.
    if (attempt.signal?.aborted || classifyTransport(thrown, false))
      return transportFailure(core, attempt, thrown, false, say, !ok);
    return unreadable(
      op,
      response,
      `it could not be read (${thrown instanceof Error ? (thrown.cause as Error)?.message || thrown.message : String(thrown)})`,
      thrown,
    );
  }
  if (body === STOPPED) {
    response.body?.cancel().catch(() => {});
    return transportFailure(core, attempt, attempt.signal?.reason, false, say, !ok);
  }
  if (body === TOO_LARGE)
    return unreadable(op, response, `it is larger than maxResponseBytes (${core.maxResponseBytes} bytes)`);
  if (ok) {
    // Decoding awaits only when onResponseIssues runs: the caller's code, so it races the attempt's end.
    const decoded = await raced(
      attempt.decode(core, op, attempt.ctx, { response, body }, attempt.validation),
      attempt.stopped,
    );
    return decoded === STOPPED ? transportFailure(core, attempt, attempt.signal?.reason, false, say) : [decoded];
  }
  // Redirects are not followed, and whatever their body says they are an APIError.
  const redirect = response.type === "opaqueredirect" || (status >= 300 && status < 400);
  // The error reads Retry-After itself; the retry policy takes it from there.
  const error = redirect ? new APIError({ response, body }) : decodeError({ response, body });
  return [err(error), { kind: "status", status, retryAfterMs: error.retryAfterMs }];
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
  const error = new APIError(init);
  return [err(error), { kind: "status", status: response.status, retryAfterMs: error.retryAfterMs }];
}

/**
 * What a transport failure (fetch threw, the body broke off, the attempt timed
 * out or was aborted) becomes, after telling afterError (unless a non-2xx
 * response was shown to it already: `hooked`).
 */
async function transportFailure(
  core: ClerkCore,
  attempt: Attempt,
  cause: unknown,
  thrownByFetch = false,
  say?: (what: string) => void,
  hooked?: boolean,
): Promise<AttemptResult> {
  const { ctx, secret } = attempt;
  const [error, failure] = transportError(attempt, cause, thrownByFetch);
  protect(error, secret);
  say?.(`✗ ${error.name}:`);
  // Once the attempt has ended (timeout, abort) a hanging afterError cannot hold it.
  if (!hooked && core.hooks?.afterError) await raced(core.hooks.afterError(ctx, null, error), attempt.stopped);
  return [err(error), failure];
}

/**
 * The error a transport failure becomes, and what the retry policy learns from
 * it: the caller's abort first, then the attempt's timeout, then a network
 * failure; anything else happened on the client side and is not retried.
 */
function transportError(attempt: Attempt, cause: unknown, thrownByFetch: boolean): [Error, AttemptFailure?] {
  const { callerSignal, timeoutMs, ctx } = attempt;
  if (callerSignal?.aborted) return [new RequestAbortedError({ cause: callerSignal.reason })];
  if (attempt.signal?.aborted) return [new RequestTimeoutError(timeoutMs!, { cause }), { kind: "timeout" }];
  const network = classifyTransport(cause, thrownByFetch);
  if (!network) return [new UnexpectedClientError(`fetch threw: ${cause}`, { cause })];
  const { notSent, codes } = network;
  return [
    new ConnectionError(`Could not reach ${new URL(ctx.url).origin}: ${cause} (${codes || "no error code"})`, {
      cause,
      notSent,
    }),
    { kind: "connection", notSent },
  ];
}

/** A Response, or something that behaves like one (a custom fetch may use another realm's class). */
function isResponse(value: unknown): value is Response {
  return (
    value instanceof Response ||
    (typeof (value as Response)?.status === "number" &&
      typeof (value as Response).text === "function" &&
      typeof (value as Response).headers?.get === "function")
  );
}

/** A signal that aborts when either does (AbortSignal.any where the runtime has it). */
function either(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (AbortSignal.any) return AbortSignal.any([a, b]);
  const controller = new AbortController();
  const abort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  a.addEventListener("abort", abort);
  b.addEventListener("abort", abort);
  return controller.signal;
}
