import type { ClerkCore } from "../core.js";
import { ConnectionError } from "../errors/connectionError.js";
import { RequestAbortedError } from "../errors/requestAbortedError.js";
import { RequestTimeoutError } from "../errors/requestTimeoutError.js";
import { UnexpectedClientError } from "../errors/unexpectedClientError.js";
import type { AttemptFailure } from "../retries/retry.js";
import { err } from "../types/result.js";
import type { Result } from "../types/result.js";
import { classifyTransport } from "./classify.js";
import { SDK_VERSION } from "./defaults.js";
import type { HookContext } from "./hooks.js";
import { send } from "./http.js";
import { logLine } from "./logger.js";
import type { Operation } from "./operation.js";
import type { Prepared } from "./prepare.js";
import { redact } from "./redact.js";
import { decodeError, decodeSuccess } from "./response.js";

export type Outcome = Result<unknown, Error>;

const USER_AGENT = `clerk-fn/${SDK_VERSION}`;

// What fetch accepts in a header value: tab, printable ASCII and Latin-1.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * One attempt: headers, hooks, the exchange and the mapping of its outcome.
 * Returns the Result, plus what the retry policy needs to know when the attempt
 * failed in a way that may be retried. What a hook or the key provider throws
 * is not caught here: `call` turns it into UnexpectedClientError.
 */
export async function attemptOnce(
  core: ClerkCore,
  op: Operation,
  ctx: HookContext,
  prepared: Prepared,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): Promise<[Outcome, AttemptFailure?]> {
  const { hooks, debugLogger: log } = core;
  const { method, url, attempt } = ctx;
  // Public endpoints (`auth: false`) are called without the key.
  const provided = op.auth === false ? undefined : core.bearerToken();
  // Awaiting only a real promise saves a microtask per call for a plain key.
  const secret = typeof provided === "object" ? await provided : provided;
  if (secret && !HEADER_VALUE.test(secret)) {
    return [err(new UnexpectedClientError("bearerAuth cannot be sent in a header (line break or non-Latin-1 character)"))];
  }

  // A plain record: ofetch turns it into the one Headers object fetch receives.
  // The caller's headers (and the body's content type) come last and win.
  const headers: Record<string, string> = {
    accept: "application/json",
    "clerk-api-version": core.apiVersion,
    "user-agent": USER_AGENT,
    ...(secret && { authorization: `Bearer ${secret}` }),
    ...prepared.headers,
  };

  // A controller and a timer we clear ourselves: AbortSignal.timeout costs about
  // three times as much per call, and its timer outlives a finished attempt.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timeout: AbortSignal | undefined;
  if (timeoutMs! > 0) {
    const controller = new AbortController();
    timer = setTimeout(() => controller.abort(new DOMException("The operation timed out.", "TimeoutError")), timeoutMs);
    timeout = controller.signal;
  }
  const signal = timeout && callerSignal ? either(callerSignal, timeout) : (timeout ?? callerSignal);
  try {
    const init = { method, headers, body: prepared.body, signal };

    let request: Request | string = url;
    if (hooks?.beforeRequest) {
      // duplex: fetch requires it when the body is a stream.
      const built = new Request(url, { ...init, duplex: "half" } as RequestInit);
      request = (await hooks.beforeRequest(ctx, built)) || built;
    }

    // Without a logger no line is built: `say?.(…)` skips evaluating its argument.
    const started = log && Date.now();
    const say = log && ((what: string) => logLine(log, `${what} ${method} ${url} in ${Date.now() - started!} ms (attempt ${attempt})`, secret));

    // What a transport failure (thrown by fetch or while reading the body) becomes.
    const transport = async (thrown: unknown, hooked?: boolean): Promise<[Outcome, AttemptFailure?]> => {
      // ofetch wraps what fetch throws in a FetchError; other errors arrive as they are.
      const byFetch = (thrown as Error)?.name === "FetchError";
      const cause = byFetch ? (thrown as Error).cause : thrown;
      const network = classifyTransport(cause, byFetch);
      const [error, failure]: [Error, AttemptFailure?] = callerSignal?.aborted
        ? [new RequestAbortedError({ cause: callerSignal.reason })]
        : timeout?.aborted
          ? [new RequestTimeoutError(timeoutMs!, { cause }), { kind: "timeout" }]
          : network
            ? [
                new ConnectionError(redact(`Could not reach ${new URL(url).origin}: ${cause} (${network.codes || "no error code"})`, secret), { cause, notSent: network.notSent }),
                { kind: "connection", notSent: network.notSent },
              ]
            : [new UnexpectedClientError(redact(`fetch threw: ${cause}`, secret), { cause })];
      say?.(`✗ ${error.name}:`);
      // A non-2xx whose body failed to arrive was shown to afterError already.
      if (!hooked) await hooks?.afterError?.(ctx, null, error);
      return [err(error), failure];
    };

    if (log) logLine(log, `→ ${method} ${url} (${op.id}, attempt ${attempt}) ${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join("; ")}`, secret);
    let response;
    try {
      // A Request from beforeRequest carries its own method, headers and body.
      response = await send(core.fetch, request, typeof request === "string" ? init : { signal });
    } catch (thrown) {
      return transport(thrown);
    }
    const status = response.status;
    say?.(`← ${status}`);

    if (response.ok) response = (await hooks?.afterSuccess?.(ctx, response)) || response;
    else await hooks?.afterError?.(ctx, response, null);
    let body: string;
    try {
      // "" when a hook consumed the body instead of reading a clone.
      body = response.bodyUsed ? "" : await response.text();
    } catch (thrown) {
      return transport(thrown, !response.ok);
    }
    if (response.ok) return [decodeSuccess(op, { response, body })];
    // The error reads Retry-After itself; the retry policy takes it from there.
    const error = decodeError({ response, body });
    return [err(error), { kind: "status", status, retryAfterMs: error.retryAfterMs }];
  } finally {
    clearTimeout(timer);
  }
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
