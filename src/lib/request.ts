import * as v from "valibot";
import type { ClerkCore } from "../core.js";
import { ConnectionError } from "../errors/connectionError.js";
import { InvalidRequestError } from "../errors/invalidRequestError.js";
import { RequestAbortedError } from "../errors/requestAbortedError.js";
import { RequestTimeoutError } from "../errors/requestTimeoutError.js";
import { UnexpectedClientError } from "../errors/unexpectedClientError.js";
import { parseRetryAfter } from "../retries/backoff.js";
import type { RetryConfig } from "../retries/config.js";
import type { AttemptFailure } from "../retries/retry.js";
import { nextRetryDelay } from "../retries/retry.js";
import { sleep } from "../retries/sleep.js";
import { err } from "../types/result.js";
import type { Result } from "../types/result.js";
import { classifyTransport } from "./classify.js";
import { SDK_VERSION } from "./defaults.js";
import type { HookContext } from "./hooks.js";
import { logLine } from "./logger.js";
import { redact } from "./redact.js";
import type { EncodedBody, Operation } from "./operation.js";
import { decodeError, decodeSuccess } from "./response.js";
import { send } from "./http.js";
import type { SentResponse } from "./http.js";
import { buildUrl } from "./url.js";

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
}

const USER_AGENT = `clerk-fn/${SDK_VERSION}`;
// What fetch accepts in a header value: tab, printable ASCII and Latin-1.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * The interpreter every operation function calls: validate and encode the
 * input, send with retries, map the outcome. Never throws, never rejects.
 */
export function call<T, E>(core: ClerkCore, op: Operation, input: unknown, options?: RequestOptions): Promise<Result<T, E>> {
  // `run` is async, so anything thrown inside it arrives here as a rejection.
  return run(core, op, input, options).catch(
    (cause: unknown) => err(new UnexpectedClientError(`Unexpected failure in ${op.id}`, { cause })),
  ) as Promise<Result<T, E>>;
}

type Outcome = Result<unknown, Error>;

async function run(core: ClerkCore, op: Operation, input: unknown, options: RequestOptions | undefined): Promise<Outcome> {
  const prepared = prepare(core, op, input, options);
  if (prepared instanceof Error) return err(prepared);
  const { url, encoded, extraHeaders } = prepared;

  const signal = options?.signal;
  const timeoutMs = options?.timeoutMs ?? core.timeoutMs;
  const retryConfig = options?.retries ?? core.retryConfig;
  // A stream is consumed by the first attempt, so such a body is sent once.
  const replayable = !(encoded?.body instanceof ReadableStream);
  const started = Date.now();

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) return err(new RequestAbortedError({ cause: signal.reason }));
    const ctx: HookContext = { operationId: op.id, method: op.method, url, attempt };
    const result = await attemptOnce(core, op, ctx, encoded, extraHeaders, options, timeoutMs);
    if (!("failure" in result)) return result;

    const delay = replayable ? nextRetryDelay(retryConfig, op.method, result.failure, attempt, Date.now() - started) : undefined;
    if (delay === undefined) return result.final();
    result.discard();
    logLine(core.debugLogger, `retrying ${op.method} ${url} in ${delay} ms (after attempt ${attempt})`);
    if (!(await sleep(delay, signal))) return err(new RequestAbortedError({ cause: signal?.reason }));
  }
}

interface Prepared {
  readonly url: string;
  readonly encoded: EncodedBody | undefined;
  /** Caller headers, lower-cased and checked once per call. */
  readonly extraHeaders: Record<string, string> | undefined;
}

/** Validates and renames the input, builds the URL and encodes the body; no I/O. */
function prepare(core: ClerkCore, op: Operation, input: unknown, options: RequestOptions | undefined): Prepared | Error {
  let wire = (input ?? {}) as Record<string, unknown>;
  if (op.input) {
    const parsed = v.safeParse(op.input, input ?? {});
    if (!parsed.success) return new InvalidRequestError(parsed.issues);
    wire = parsed.output as Record<string, unknown>;
  }
  const url = buildUrl((options?.serverUrl ?? core.serverUrl).replace(/\/+$/, ""), op, wire);
  if (typeof url !== "string") return new InvalidRequestError([url]);
  let encoded: EncodedBody | undefined;
  const body = wire["requestBody"];
  if (op.body && body !== undefined) {
    try {
      encoded = op.body(body);
    } catch (cause) {
      return new InvalidRequestError([{ message: `Request body could not be encoded: ${String(cause)}`, path: [{ key: "requestBody" }] }], { cause });
    }
  }
  let extraHeaders: Record<string, string> | undefined;
  if (options?.headers) {
    try {
      extraHeaders = {};
      new Headers(options.headers as HeadersInit).forEach((value, key) => (extraHeaders![key] = value));
    } catch (cause) {
      return new InvalidRequestError([{ message: `Invalid header in options.headers: ${String(cause)}`, path: [{ key: "headers" }] }], { cause });
    }
  }
  return { url, encoded, extraHeaders };
}

/** Either the call's final Result, or a failure the retry loop may retry. */
type AttemptResult =
  | Outcome
  | {
      readonly failure: AttemptFailure;
      /** The Result to return if this failure is not retried. */
      final(): Promise<Outcome> | Outcome;
      /** Releases the response (if any) before a retry. */
      discard(): void;
    };

async function attemptOnce(
  core: ClerkCore,
  op: Operation,
  ctx: HookContext,
  encoded: EncodedBody | undefined,
  extraHeaders: Record<string, string> | undefined,
  options: RequestOptions | undefined,
  timeoutMs: number | undefined,
): Promise<AttemptResult> {
  const hooks = core.hooks;
  let token: string | undefined;
  try {
    const provided = core.bearerToken();
    // Awaiting only a real promise saves a microtask per call for a plain key.
    token = typeof provided === "object" ? await provided : provided;
  } catch (cause) {
    return err(new UnexpectedClientError("The bearerAuth provider threw", { cause }));
  }
  const secret = typeof token === "string" ? token : undefined;
  if (secret && !HEADER_VALUE.test(secret)) {
    return err(new UnexpectedClientError("bearerAuth contains characters that cannot be sent in a header (line breaks, or characters outside Latin-1)"));
  }

  // A plain record: ofetch turns it into the one Headers object fetch receives.
  const headers: Record<string, string> = { accept: "application/json", "clerk-api-version": core.apiVersion, "user-agent": USER_AGENT };
  if (secret) headers["authorization"] = `Bearer ${secret}`;
  if (encoded?.contentType) headers["content-type"] = encoded.contentType;
  if (extraHeaders) for (const key in extraHeaders) headers[key] = extraHeaders[key]!;

  const callerSignal = options?.signal;
  const timeoutSignal = timeoutMs !== undefined && timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
  const signal = timeoutSignal && callerSignal ? either(callerSignal, timeoutSignal) : (timeoutSignal ?? callerSignal);
  const init: RequestInit & { duplex?: "half" } = { method: op.method, headers };
  if (encoded) init.body = encoded.body;
  if (signal) init.signal = signal;
  if (encoded?.body instanceof ReadableStream) init.duplex = "half";

  let request: Request | string = ctx.url;
  if (hooks?.beforeRequest) {
    const built = await guarded("beforeRequest hook", async () => {
      const built = new Request(ctx.url, init);
      return (await hooks.beforeRequest!(ctx, built)) ?? built;
    });
    if (built instanceof UnexpectedClientError) return err(built);
    request = built;
  }

  // A transport failure (thrown by fetch or while reading the body) mapped to an
  // error, plus what the retry policy needs to know (absent: never retried).
  const transport = (thrown: unknown): { error: Error; failure?: AttemptFailure } => {
    // ofetch wraps what fetch throws in a FetchError; other errors arrive as they are.
    const byFetch = thrown instanceof Error && thrown.name === "FetchError" && thrown.cause !== undefined;
    const original = byFetch ? thrown.cause : thrown;
    if (callerSignal?.aborted) return { error: new RequestAbortedError({ cause: callerSignal.reason }) };
    if (timeoutSignal?.aborted) return { error: new RequestTimeoutError(timeoutMs!, { cause: original }), failure: { kind: "timeout" } };
    const kind = classifyTransport(original, byFetch);
    if (kind.kind === "unexpected") {
      return { error: new UnexpectedClientError(redact(`fetch threw: ${String(original)}`, secret), { cause: original }) };
    }
    const error = new ConnectionError(redact(`Could not reach ${new URL(ctx.url).origin}: ${describe(original)}`, secret), {
      cause: original,
      notSent: kind.notSent,
    });
    return { error, failure: { kind: "connection", notSent: kind.notSent } };
  };
  const asAttempt = ({ error, failure }: { error: Error; failure?: AttemptFailure }): AttemptResult =>
    failure ? { failure, final: () => err(error), discard() {} } : err(error);

  const log = core.debugLogger;
  if (log) {
    const shown = Object.entries(headers).map(([k, v]) => `${k}: ${k === "authorization" ? "Bearer [redacted]" : v}`);
    logLine(log, `→ ${op.method} ${ctx.url} (${op.id}, attempt ${ctx.attempt}) ${shown.join("; ")}`, secret);
  }
  const t0 = log ? performance.now() : 0;

  let response: SentResponse;
  try {
    // A Request from beforeRequest carries its own method, headers and body.
    // Hooks that look at the response need its body unread; otherwise ofetch reads it.
    const readBody = !hooks?.afterSuccess && !hooks?.afterError;
    response = await send(core.fetch, request, typeof request === "string" ? init : signal ? { signal } : {}, readBody);
  } catch (thrown) {
    const mapped = transport(thrown);
    if (log) logLine(log, `✗ ${op.method} ${ctx.url} failed after ${Math.round(performance.now() - t0)} ms: ${mapped.error.message}`, secret);
    if (hooks?.afterError) {
      const failed = await guarded("afterError hook", () => hooks.afterError!(ctx, null, mapped.error));
      if (failed) return err(failed);
    }
    return asAttempt(mapped);
  }
  if (log) logLine(log, `← ${response.status} ${op.method} ${ctx.url} in ${Math.round(performance.now() - t0)} ms (attempt ${ctx.attempt})`, secret);

  try {
    if (response.status >= 200 && response.status < 300) {
      if (hooks?.afterSuccess) {
        const replaced = await guarded("afterSuccess hook", () => hooks.afterSuccess!(ctx, response));
        if (replaced instanceof UnexpectedClientError) return err(replaced);
        if (replaced) response = replaced;
      }
      return await decodeSuccess(op, response);
    }
    if (hooks?.afterError) {
      const failed = await guarded("afterError hook", () => hooks.afterError!(ctx, response, null));
      if (failed) return err(failed);
    }
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    const failed = response;
    return {
      failure: { kind: "status", status: response.status, retryAfterMs },
      final: () => decodeError(failed, retryAfterMs).catch(transportFinal),
      discard: () => void (failed.bodyUsed ? undefined : failed.body?.cancel().catch(() => {})),
    };
  } catch (thrown) {
    return asAttempt(transport(thrown));
  }

  // Reading an error body failed (connection dropped, timeout): report that instead.
  function transportFinal(thrown: unknown): Outcome {
    return err(transport(thrown).error);
  }
}

/** A signal that aborts when either does (AbortSignal.any where the runtime has it). */
function either(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === "function") return AbortSignal.any([a, b]);
  const controller = new AbortController();
  const abort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  a.addEventListener("abort", abort, { once: true });
  b.addEventListener("abort", abort, { once: true });
  return controller.signal;
}

/** Runs a user callback; whatever it throws or rejects with becomes UnexpectedClientError. */
async function guarded<T>(what: string, fn: () => T | Promise<T>): Promise<T | UnexpectedClientError> {
  try {
    return await fn();
  } catch (cause) {
    return new UnexpectedClientError(`The ${what} threw`, { cause });
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const code = (cause as { code?: string } | undefined)?.code ?? (error as { code?: string }).code;
  return `${error.message}${cause ? ` (${code ?? cause.message})` : ""}`;
}
