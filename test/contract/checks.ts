import * as v from "valibot";
import type { CallOutcome, Exchange } from "./exchange.js";
import { modelProblems } from "./model-check.js";
import { sampleRequest, type SampleMode } from "./sample-request.js";
import type { LoadedSpec, SpecOperation } from "./spec.js";

/** The outcome of one check: `cause` is a short category for the report, `detail` the evidence. */
export interface CheckResult {
  readonly pass: boolean;
  readonly cause?: string;
  readonly detail?: string;
  /** Prism reported that its own response violates the spec (what the allowlist may excuse). */
  readonly prismResponseInvalid?: boolean;
}

export const PASS: CheckResult = { pass: true };

export function fail(cause: string, detail?: string): CheckResult {
  return detail === undefined ? { pass: false, cause } : { pass: false, cause, detail };
}

/** A sample request from the function's own schema, checked against that schema first. */
export function buildSample(input: unknown, mode: SampleMode): { request: unknown } | { problem: CheckResult } {
  if (input === undefined) return { request: undefined };
  let request: unknown;
  try {
    request = sampleRequest(input, mode);
  } catch (error) {
    return { problem: fail("sample builder: unsupported schema", String(error)) };
  }
  const parsed = v.safeParse(input as v.GenericSchema, request);
  if (!parsed.success) {
    const issues = parsed.issues.slice(0, 5).map((i) => `${v.getDotPath(i) ?? "$"}: ${i.message}`);
    return { problem: fail("sample builder: sample fails the function's own schema", issues.join("; ")) };
  }
  return { request };
}

/** Request side: something was sent, and Prism found no violation in any of it. */
export function requestSide(outcome: CallOutcome, forcedStatus?: number): CheckResult {
  if (outcome.exchanges.length === 0) {
    const error = outcome.result.error as Error | undefined;
    return fail(`client sent nothing (${error?.name ?? "no error"})`, error?.message);
  }
  for (const x of outcome.exchanges) {
    // A deprecation notice is not a violation: the parameter is still declared.
    const violations = x.violations.filter((vi) => vi.location[0] === "request" && vi.code !== "deprecated");
    if (violations.length > 0) {
      const text = violations.map((vi) => `${vi.location.slice(1).join(".")}: ${vi.message}`).join("; ");
      return fail("request violation", `${x.method} ${x.url} → ${x.status}: ${text} · body ${truncate(x.requestBody)}`);
    }
    if ((x.status === 400 || x.status === 422) && x.status !== forcedStatus) {
      return fail(
        "request rejected with a validation status",
        `${x.method} ${x.url} → ${x.status}: ${truncate(x.body)}`,
      );
    }
    if (x.contentType.includes("problem+json")) {
      return fail("request rejected by Prism", `${x.method} ${x.url} → ${x.status}: ${truncate(x.body)}`);
    }
  }
  return PASS;
}

/** Response side: `res.ok`, and the value carries every declared wire field under its camelCase name. */
export function responseSide(outcome: CallOutcome, op: SpecOperation, spec: LoadedSpec): CheckResult {
  if (!requestSide(outcome).pass) return fail("blocked by a request-side failure");
  const last = outcome.exchanges[outcome.exchanges.length - 1]!;
  if (!outcome.result.ok) {
    const error = outcome.result.error as Error & { statusCode?: number };
    const prismSays = responseViolations(last);
    return {
      ...fail(`${error.name} instead of ok`, `${error.message}${prismSays ? ` · Prism: ${prismSays}` : ""}`),
      prismResponseInvalid: explainedByPrism(error, last),
    };
  }
  const schema = op.success.get(String(last.status));
  if (!schema) {
    // No JSON body declared: an empty answer is `undefined` (or "" for a text
    // operation such as the HTML interstitial), a text answer is the text itself.
    const value = outcome.result.value;
    if (last.body === "" && value !== undefined && value !== "")
      return fail("value for an empty body is not undefined", JSON.stringify(value));
    if (last.body !== "" && !last.contentType.includes("json") && value !== last.body)
      return fail("text body not returned as the string sent");
    return PASS;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(last.body);
  } catch {
    return fail("2xx body is not JSON", truncate(last.body));
  }
  const problems = modelProblems(schema, raw, outcome.result.value, spec.resolve);
  // A value that differs from what was on the wire is the client's doing, whatever Prism sent.
  return problems.length === 0 ? PASS : fail("value does not match the model", problems.join("; "));
}

/**
 * Strict mode: the 2xx body matched the model, so `responseValidation: "strict"`
 * would have returned the same value. Read from the issues the default (lenient)
 * call reported, which are exactly what strict mode turns into a
 * ResponseValidationError (test/runtime/lenient-decode.test.ts pins that).
 */
export function strictSide(outcome: CallOutcome): CheckResult {
  if (!requestSide(outcome).pass) return fail("blocked by a request-side failure");
  if (outcome.issues.length === 0) return PASS;
  const last = outcome.exchanges[outcome.exchanges.length - 1]!;
  const shown = outcome.issues.slice(0, 5).map((issue) => `${issuePath(issue) || "$"}: ${issue.message}`);
  const prismSays = responseViolations(last);
  return {
    ...fail(
      "the body breaks the model (strict mode: ResponseValidationError)",
      `${shown.join("; ")}${prismSays ? ` · Prism: ${prismSays}` : ""}`,
    ),
    prismResponseInvalid: explainedByPrism(outcome.issues, last),
  };
}

/** Error side: one forced status answered with the declared error class. */
export function errorSide(outcome: CallOutcome, status: number, kind: "clerk" | "other" | "none"): CheckResult {
  const expected = kind === "clerk" ? "ClerkErrors" : "APIError";
  const error = outcome.result.error as
    (Error & { statusCode?: number; data?: { errors?: { code?: unknown }[] } }) | undefined;
  if (outcome.result.ok || !error) return fail(`${status}: ok instead of ${expected}`);
  if (error.name !== expected) return fail(`${status}: ${error.name} instead of ${expected}`, error.message);
  if (error.statusCode !== status) return fail(`${status}: statusCode ${String(error.statusCode)}`);
  if (kind === "clerk") {
    const data = error.data as
      { errors?: { code?: unknown; longMessage?: unknown }[]; clerkTraceId?: unknown } | undefined;
    if (!(data?.errors?.length && typeof data.errors[0]?.code === "string")) {
      return fail(`${status}: ClerkErrors without parsed errors`, JSON.stringify(data));
    }
    // The wire's snake_case fields must arrive under their camelCase names.
    const raw = safeJson(outcome.exchanges[outcome.exchanges.length - 1]?.body ?? "") as
      { errors?: { long_message?: unknown }[]; clerk_trace_id?: unknown } | undefined;
    const wireLong = raw?.errors?.[0]?.long_message;
    if (wireLong !== undefined && data.errors[0]?.longMessage !== wireLong)
      return fail(`${status}: errors[0].long_message not decoded as longMessage`);
    if (raw?.clerk_trace_id !== undefined && data.clerkTraceId !== raw.clerk_trace_id)
      return fail(`${status}: clerk_trace_id not decoded as clerkTraceId`);
  }
  return PASS;
}

type PathIssue = { readonly path?: readonly { readonly key?: unknown }[] | undefined };
const issuePath = (issue: PathIssue) => (issue.path ?? []).map((step) => String(step.key)).join(".");

/**
 * True when every issue the client raised lies at or under a body location
 * that Prism itself reported as violating the spec: only then is the failure
 * Prism's (and the spec's), not the client's. Takes the issues of a
 * ResponseValidationError or those the onResponseIssues hook reported.
 */
export function explainedByPrism(issuesOrError: Error | readonly PathIssue[], x: Exchange): boolean {
  const issues = Array.isArray(issuesOrError)
    ? (issuesOrError as readonly PathIssue[])
    : (issuesOrError as Error).name === "ResponseValidationError"
      ? (issuesOrError as Error & { issues?: readonly PathIssue[] }).issues
      : undefined;
  if (!issues?.length) return false;
  const flagged = x.violations
    .filter((vi) => vi.location[0] === "response" && vi.location[1] === "body")
    .map((vi) => vi.location.slice(2).join("."));
  return issues.every((issue) => {
    const path = issuePath(issue);
    return flagged.some((at) => at === "" || path === at || path.startsWith(`${at}.`));
  });
}

function responseViolations(x: Exchange): string {
  return x.violations
    .filter((vi) => vi.location[0] === "response")
    .slice(0, 5)
    .map((vi) => `${vi.location.slice(1).join(".")}: ${vi.message}`)
    .join("; ");
}

function truncate(s: string | undefined, n = 400): string {
  if (s === undefined) return "(none)";
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/**
 * Every input in the sample reached the wire: path parameters in the path,
 * query parameters with all their values (and nothing else), and the body
 * equal to the wire-shaped sample. Prism cannot see a field the client
 * silently dropped; this can.
 */
export function wireSide(outcome: CallOutcome, input: unknown, request: unknown, pathTemplate: string): CheckResult {
  if (input === undefined || request === undefined) return PASS;
  const parsed = v.safeParse(input as v.GenericSchema, request);
  if (!parsed.success) return fail("sample builder: sample fails the function's own schema");
  const wire = parsed.output as Record<string, unknown>;
  const x = outcome.exchanges[0]!;
  const url = new URL(x.url);
  const problems: string[] = [];
  const pathParams = new Set([...pathTemplate.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!));
  const expectedPath = pathTemplate.replace(/\{([^}]+)\}/g, (_, k: string) => encodeURIComponent(String(wire[k])));
  if (!url.pathname.endsWith(expectedPath)) problems.push(`path ${url.pathname} is not …${expectedPath}`);
  const queryKeys = new Set<string>();
  for (const [key, value] of Object.entries(wire)) {
    if (key === "requestBody" || pathParams.has(key) || value === undefined) continue;
    queryKeys.add(key);
    const expected = (Array.isArray(value) ? value : [value]).map((item) =>
      typeof item === "object" ? JSON.stringify(item) : String(item),
    );
    const got = url.searchParams.getAll(key);
    const same = got.join("\u0000") === expected.join("\u0000") || (got.length === 1 && got[0] === expected.join(","));
    if (!same) problems.push(`query ${key}: sent ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
  }
  for (const key of new Set(url.searchParams.keys())) {
    if (!queryKeys.has(key)) problems.push(`query ${key}: not an input of the request`);
  }
  const body = wire.requestBody;
  if (body !== undefined) {
    if (x.requestForm) {
      for (const key of Object.keys(body as object)) {
        if (!(key in x.requestForm)) problems.push(`multipart field ${key} not sent`);
      }
    } else if (
      x.requestBody === undefined ||
      JSON.stringify(safeJson(x.requestBody)) !== JSON.stringify(JSON.parse(JSON.stringify(body)))
    ) {
      problems.push(`body sent ${truncate(x.requestBody, 200)}, expected ${truncate(JSON.stringify(body), 200)}`);
    }
  }
  return problems.length === 0 ? PASS : fail("client did not send its input as given", problems.slice(0, 5).join("; "));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
