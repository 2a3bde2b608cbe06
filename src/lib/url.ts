import { issueAt } from "../errors/issues.js";
import type { ValidationIssue } from "../errors/issues.js";
import { ok } from "../types/result.js";
import type { Operation } from "./operation.js";

/**
 * A query value or path segment, encoded: Dates as ISO strings, objects as JSON,
 * the rest as String(). encodeURIComponent keeps `/`, `?`, `#` and `\\` from
 * leaving a path segment. Undefined when the value has no encoding: a lone
 * UTF-16 surrogate is not Unicode (encodeURIComponent throws), an invalid Date
 * has no ISO form.
 */
export function scalar(value: unknown): string | undefined {
  try {
    return encodeURIComponent(
      value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value),
    );
  } catch {
    return undefined;
  }
}

/** The issue for a value `scalar` cannot encode. */
export const unencodable = (key: string): ValidationIssue =>
  issueAt(key, "cannot be put in a URL (a lone surrogate or an invalid date)");

// The last serverUrl found valid: the check runs once per distinct URL, not per call.
let lastValidServerUrl: string | undefined;

/**
 * The issue when `serverUrl` cannot be used: not an absolute http(s) URL, or
 * holding credentials (`user:pw@`), which fetch refuses and a log would show.
 * `key` names the option in the issue.
 */
export function checkServerUrl(serverUrl: string, key: string): ValidationIssue | undefined {
  if (serverUrl === lastValidServerUrl) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(serverUrl);
  } catch {
    // reported below
  }
  const problem =
    !url || !/^https?:$/.test(url.protocol)
      ? "must be an absolute http:// or https:// URL"
      : url.username || url.password
        ? "must not hold credentials (user:password@); pass the key as bearerAuth"
        : undefined;
  if (!problem) lastValidServerUrl = serverUrl;
  return problem && issueAt(key, problem);
}

/** `url` without trailing slashes (a path is appended to it). */
export const withoutTrailingSlashes = (url: string): string => (url.endsWith("/") ? url.replace(/\/+$/, "") : url);

/**
 * serverUrl + path (params filled and encoded) + query (the operation's own
 * encoder, see query.ts), or the issue when a path or query value cannot
 * be sent.
 */
export function buildUrl(serverUrl: string, op: Operation, wire: Record<string, unknown>): string | ValidationIssue {
  let path = op.path;
  for (const key of op.pathParams ?? []) {
    const value = wire[key];
    // A segment "." or ".." would be resolved away by the URL parser (even written
    // as %2E, which it also treats as a dot), moving the request to another endpoint.
    // Any other value is safe once encoded: "%" itself becomes "%25".
    if (value == null || value === "" || value === "." || value === ".." || typeof value === "object") {
      return issueAt(key, 'must be a non-empty string or number, not "." or ".."');
    }
    const encoded = scalar(value);
    if (encoded === undefined) return unencodable(key);
    path = path.replace(`{${key}}`, encoded);
  }
  const query = op.query ? op.query(wire) : ok("");
  return query.ok ? withoutTrailingSlashes(serverUrl) + path + query.value : query.error;
}
