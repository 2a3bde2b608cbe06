import type { ClerkCore } from "../core.js";
import { ConnectionError } from "../errors/connectionError.js";
import { RequestAbortedError } from "../errors/requestAbortedError.js";
import { RequestTimeoutError } from "../errors/requestTimeoutError.js";
import { UnexpectedClientError } from "../errors/unexpectedClientError.js";
import { parseRetryAfter } from "../retries/backoff.js";
import type { AttemptFailure } from "../retries/retry.js";
import { err } from "../types/result.js";
import type { Result } from "../types/result.js";
import { classifyTransport } from "./classify.js";
import { SDK_VERSION } from "./defaults.js";
import type { HookContext } from "./hooks.js";
import { send } from "./http.js";
import type { SentResponse } from "./http.js";
import { logLine } from "./logger.js";
import type { EncodedBody, Operation } from "./operation.js";
import { redact } from "./redact.js";
import type { RequestOptions } from "./request.js";
import { decodeError, decodeSuccess } from "./response.js";

export type Outcome = Result<unknown, Error>;

const USER_AGENT = `clerk-fn/${SDK_VERSION}`;
// What fetch accepts in a header value: tab, printable ASCII and Latin-1.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Either the call's final Result, or a failure the retry loop may retry. */
export type AttemptResult =
  | Outcome
  | {
      readonly failure: AttemptFailure;
      /** The Result to return if this failure is not retried. */
      final(): Promise<Outcome> | Outcome;
      /** Releases the response (if any) before a retry. */
      discard(): void;
    };

/** One attempt: headers, hooks, the exchange and the mapping of its outcome. */
export async function attemptOnce(
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
