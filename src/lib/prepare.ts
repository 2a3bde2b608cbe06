import type { ClerkCore } from "../core.js";
import { InvalidRequestError } from "../errors/invalidRequestError.js";
import { issueAt, type ValidationIssue } from "../errors/issues.js";
import type { ResponseValidation } from "./decode.js";
import type { EncodedBody, Operation } from "./operation.js";
import type { RequestOptions } from "./options.js";
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
 * Validates and renames the input, checks serverUrl, timeoutMs,
 * maxResponseBytes, rateLimit, debugLogger, hooks and the caller's headers, builds
 * the URL and encodes the body; no I/O. Returns what the attempts send, or the
 * InvalidRequestError for the first mistake found: nothing is sent, nothing is retried.
 */
export function prepare(
  core: ClerkCore,
  op: Operation,
  input: unknown,
  options: RequestOptions,
): Prepared | InvalidRequestError {
  const serverUrl = options.serverUrl ?? core.serverUrl;
  const timeoutMs = options.timeoutMs ?? core.timeoutMs;
  const perCall = (key: string, value: unknown) => (value === undefined ? key : `options.${key}`);
  const problem =
    checkServerUrl(serverUrl, perCall("serverUrl", options.serverUrl)) ??
    // Negative or NaN is a mistake; 0, Infinity and anything a timer cannot hold mean "no time limit".
    atLeastZero(perCall("timeoutMs", options.timeoutMs), timeoutMs) ??
    atLeastZero("maxResponseBytes", core.maxResponseBytes) ??
    // An option in its 0.1 form (`{ requests, perMs }`, `console`, a plain object of hooks)
    // would fail every call obscurely.
    notMadeBy(core.rateLimit, "acquire", "rateLimit", "a limiter, e.g. slidingWindow()") ??
    notMadeBy(core.debugLogger, "attempt", "debugLogger", "made by logTo()") ??
    notMadeBy(core.hooks, "request", "hooks", "made by withHooks()");
  if (problem) return invalid([problem]);
  let wire = (input ?? {}) as Record<string, unknown>;
  if (op.input) {
    // Through the schema's Standard Schema interface, so the interpreter imports
    // nothing from valibot: valibot answers synchronously, with its own issues.
    const parsed = op.input["~standard"].validate(wire) as { value: unknown; issues?: ValidationIssue[] };
    if (parsed.issues) return invalid(parsed.issues);
    wire = parsed.value as Record<string, unknown>;
  }
  const url = buildUrl(serverUrl, op, wire);
  if (typeof url !== "string") return invalid([url]);
  let headers: Record<string, string> = {};
  let encoded: EncodedBody | undefined;
  try {
    // Lower-cased, as fetch would send them. What Headers throws quotes the value (maybe a credential): not shown.
    if (options.headers) headers = Object.fromEntries(new Headers(options.headers as HeadersInit));
  } catch {
    return invalid([
      issueAt(
        "options.headers",
        "a header name or value cannot be sent (line break, control or non-Latin-1 character)",
      ),
    ]);
  }
  try {
    const body = wire["requestBody"];
    encoded = op.body && body !== undefined ? op.body(body) : undefined;
  } catch (cause) {
    return invalid([issueAt("requestBody", `cannot be sent: ${cause}`)], { cause });
  }
  return {
    url,
    body: encoded?.body,
    headers: encoded?.contentType ? { "content-type": encoded.contentType, ...headers } : headers,
    // Timers hold at most 2^31 - 1 ms (about 24.8 days); a longer one would fire at once.
    timeoutMs: timeoutMs! > 0 && timeoutMs! < 2 ** 31 ? timeoutMs : undefined,
    validation: options.responseValidation ?? core.responseValidation,
  };
}

/** The issue when a number that must be ≥ 0 (if given) is not. */
const atLeastZero = (key: string, value: number | undefined) =>
  value === undefined || value >= 0 ? undefined : issueAt(key, `must be a number ≥ 0, not ${value}`);

/** An issue when `value` is set but lacks the method its maker gives it. */
const notMadeBy = (value: object | undefined, method: string, key: string, what: string) =>
  value && typeof (value as Record<string, unknown>)[method] !== "function"
    ? issueAt(key, `must be ${what}`)
    : undefined;
const invalid = (issues: ValidationIssue[], options?: { cause: unknown }) => new InvalidRequestError(issues, options);
