import type { ClerkCore } from "../core.js";
import { InvalidRequestError } from "../errors/invalidRequestError.js";
import type { ValidationIssue } from "../errors/issues.js";
import { err, ok } from "../types/result.js";
import type { Result } from "../types/result.js";
import type { ResponseValidation } from "./decode.js";
import type { Operation } from "./operation.js";
import type { RequestOptions } from "./options.js";
import { checkRateLimit } from "./rate-limit.js";
import { buildUrl, checkServerUrl } from "./url.js";

export interface Prepared {
  readonly url: string;
  readonly body: BodyInit | undefined;
  /** The body's content type (if any) and the caller's headers, lower-cased and checked. */
  readonly headers: Record<string, string>;
  /** Time limit per attempt in ms, or undefined for none. */
  readonly timeoutMs: number | undefined;
  /** How a 2xx body that breaks the spec is handled (options, else the core). */
  readonly validation: ResponseValidation;
}

/**
 * Validates and renames the input, checks serverUrl, timeoutMs, rateLimit, debugLogger and the caller's
 * headers, builds the URL and encodes the body; no I/O. Every mistake found here
 * is an InvalidRequestError: nothing is sent, nothing is retried.
 */
export function prepare(
  core: ClerkCore,
  op: Operation,
  input: unknown,
  options: RequestOptions,
): Result<Prepared, InvalidRequestError> {
  const serverUrl = options.serverUrl ?? core.serverUrl;
  const problem =
    checkServerUrl(serverUrl, options.serverUrl === undefined ? "serverUrl" : "options.serverUrl") ??
    checkTimeout(
      options.timeoutMs ?? core.timeoutMs,
      options.timeoutMs === undefined ? "timeoutMs" : "options.timeoutMs",
    ) ??
    (core.maxResponseBytes >= 0
      ? undefined
      : { message: "must be a number of bytes ≥ 0", path: [{ key: "maxResponseBytes" }] }) ??
    checkRateLimit(core.rateLimit) ??
    // A writer given directly (`debugLogger: console`, as before logTo) would fail every call obscurely.
    (!core.debugLogger || typeof core.debugLogger.attempt === "function"
      ? undefined
      : { message: "must be made by logTo(), e.g. logTo(console)", path: [{ key: "debugLogger" }] });
  if (problem) return err(new InvalidRequestError([problem]));
  let wire = (input ?? {}) as Record<string, unknown>;
  if (op.input) {
    // Through the schema's Standard Schema interface, so the interpreter imports
    // nothing from valibot: valibot answers synchronously, with its own issues.
    const parsed = op.input["~standard"].validate(wire) as { value: unknown; issues?: ValidationIssue[] };
    if (parsed.issues) return err(new InvalidRequestError(parsed.issues));
    wire = parsed.value as Record<string, unknown>;
  }
  const url = buildUrl(serverUrl, op, wire);
  if (!url.ok) return err(new InvalidRequestError([url.error]));
  const headers = callerHeaders(options.headers);
  if (!headers.ok) return err(new InvalidRequestError([headers.error]));
  let encoded;
  try {
    const body = wire["requestBody"];
    encoded = op.body && body !== undefined ? op.body(body) : undefined;
  } catch (cause) {
    return err(
      new InvalidRequestError([{ message: `cannot be sent: ${cause}`, path: [{ key: "requestBody" }] }], { cause }),
    );
  }
  const fields = Object.fromEntries(headers.value);
  return ok({
    url: url.value,
    body: encoded?.body,
    headers: encoded?.contentType ? { "content-type": encoded.contentType, ...fields } : fields,
    timeoutMs: timeoutOrNone(options.timeoutMs ?? core.timeoutMs),
    validation: options.responseValidation ?? core.responseValidation,
  });
}

// Timers hold at most 2^31 - 1 ms (about 24.8 days); a longer one fires at once.
const MAX_TIMER = 2 ** 31 - 1;

/** Negative or NaN is a mistake; 0, Infinity and anything a timer cannot hold mean "no time limit". */
function checkTimeout(timeoutMs: number | undefined, key: string): ValidationIssue | undefined {
  return timeoutMs === undefined || timeoutMs >= 0
    ? undefined
    : { message: `must be a number of milliseconds ≥ 0, not ${timeoutMs}`, path: [{ key }] };
}

const timeoutOrNone = (timeoutMs: number | undefined) =>
  timeoutMs! > 0 && timeoutMs! <= MAX_TIMER ? timeoutMs : undefined;

/**
 * The caller's headers as lower-cased [name, value] pairs (what fetch would
 * send), or the issue when one cannot be sent. The issue never shows the value,
 * nor what Headers threw (which quotes it): it may be a credential.
 */
function callerHeaders(init: RequestOptions["headers"]): Result<[string, string][], ValidationIssue> {
  try {
    return ok(init ? [...new Headers(init as HeadersInit)] : []);
  } catch {
    return err({
      message: "a header name or value cannot be sent (line break, control or non-Latin-1 character)",
      path: [{ key: "options.headers" }],
    });
  }
}
