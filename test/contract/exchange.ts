import { ClerkCore, withHooks } from "../../src/core.js";
import type { ResponseIssue } from "../../src/lib/decode.js";

/** One HTTP round trip as Prism saw it, recorded by a fetch wrapper on the core. */
export interface Exchange {
  readonly method: string;
  readonly url: string;
  readonly requestBody: string | undefined;
  /** Multipart fields by name: text values as sent, files as `file:<name>`. */
  readonly requestForm: Record<string, string[]> | undefined;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly violations: readonly Violation[];
}

/** One entry of Prism's `sl-violations` header. */
export interface Violation {
  readonly location: readonly (string | number)[];
  readonly severity: string;
  readonly code?: string | number;
  readonly message: string;
}

export interface CallOutcome {
  readonly result: { ok: boolean; value?: unknown; error?: unknown };
  readonly exchanges: readonly Exchange[];
  /** What the onResponseIssues hook saw: how the 2xx body breaks the model (empty when it matches). */
  readonly issues: readonly ResponseIssue[];
}

export type OperationFn = (...args: unknown[]) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

const SECRET = "sk_test_contract_suite";

/**
 * Calls a generated function against a Prism server with retries off, and
 * records every exchange (the real HTTP the function made).
 */
export async function callOperation(
  fn: OperationFn,
  serverUrl: string,
  request: unknown,
  headers?: Record<string, string>,
): Promise<CallOutcome> {
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  try {
    return await attempts(fn, serverUrl, request, headers);
  } finally {
    inFlight--;
  }
}

async function attempts(
  fn: OperationFn,
  serverUrl: string,
  request: unknown,
  headers: Record<string, string> | undefined,
): Promise<CallOutcome> {
  for (let attempt = 1; ; attempt++) {
    const exchanges: Exchange[] = [];
    const issues: ResponseIssue[] = [];
    // The default mode (lenient): a body that breaks the model still gives a value, and the
    // hook shows the issues strict mode would have turned into a ResponseValidationError.
    const core = new ClerkCore({
      hooks: withHooks({ onResponseIssues: (_ctx, found) => void issues.push(...found) }),
      bearerAuth: SECRET,
      serverUrl,
      retryConfig: { strategy: "none" },
      timeoutMs: 30_000,
      fetch: recordingFetch(exchanges),
    });
    const options = { retries: { strategy: "none" as const }, ...(headers ? { headers } : {}) };
    // DESIGN: `request` is omitted for operations without inputs; tolerate either signature.
    const result = fn.length >= 3 || request !== undefined ? await fn(core, request, options) : await fn(core, options);
    // A busy Prism sometimes resets a kept-alive socket before answering: that is
    // the test bench, not the contract, so the call is repeated (and counted).
    const error = result.error as Error | undefined;
    if (!result.ok && error?.name === "ConnectionError" && exchanges.length === 0 && attempt < 3) {
      transportRetries++;
      continue;
    }
    return { result, exchanges, issues };
  }
}

let transportRetries = 0;
let inFlight = 0;
let maxInFlight = 0;

/** Bench figures for the report: calls repeated after a reset, most calls in flight at once. */
export function benchStats(): { transportRetries: number; maxInFlight: number } {
  return { transportRetries, maxInFlight };
}

function recordingFetch(into: Exchange[]): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const method = init?.method ?? request?.method ?? "GET";
    const url = request ? request.url : String(input);
    const requestBody =
      typeof init?.body === "string" ? init.body : init?.body ? `<${init.body.constructor.name}>` : undefined;
    const requestForm = init?.body instanceof FormData ? formFields(init.body) : undefined;
    const response = await fetch(input, init);
    const body = await response.clone().text();
    into.push({
      method,
      url,
      requestBody,
      requestForm,
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      body,
      violations: parseViolations(response.headers.get("sl-violations")),
    });
    return response;
  };
}

function formFields(form: FormData): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  form.forEach((value, name) => {
    (out[name] ??= []).push(typeof value === "string" ? value : `file:${value.name}`);
  });
  return out;
}

function parseViolations(header: string | null): Violation[] {
  if (!header) return [];
  const TRUNCATED = "Too many violations! ";
  if (!header.startsWith(TRUNCATED)) {
    try {
      return JSON.parse(header) as Violation[];
    } catch {
      return [
        { location: ["request"], severity: "Error", message: `unreadable sl-violations: ${header.slice(0, 300)}` },
      ];
    }
  }
  // Prism cuts the header at 8 KiB. Request entries come first, so once a
  // response entry is visible every request entry was too.
  const found: Violation[] = [];
  for (const m of header.matchAll(
    /\{"location":\[[^\]]*\],"severity":"\w+"(?:,"code":(?:"[^"]*"|\d+))?,"message":"(?:[^"\\]|\\.)*"\}/g,
  )) {
    found.push(JSON.parse(m[0]) as Violation);
  }
  if (!found.some((v) => v.location[0] === "response")) {
    found.push({
      location: ["request"],
      severity: "Error",
      message: "sl-violations truncated before the request entries ended",
    });
  }
  return found;
}
