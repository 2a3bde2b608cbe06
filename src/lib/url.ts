import type { Operation } from "./operation.js";

/** Problem found while building the URL (becomes an InvalidRequestError). */
export interface UrlIssue {
  readonly message: string;
  readonly path: readonly { readonly key: string }[];
}

/**
 * One path segment: encodeURIComponent keeps `/`, `?`, `#` and `\\` from
 * leaving the segment.
 */
export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}

// A segment "." or ".." would be resolved away by the URL parser (even written
// as %2E, which it also treats as a dot), moving the request to another endpoint.
// Any other value is safe once encoded: "%" itself becomes "%25".
const DOT_SEGMENT = /^\.{1,2}$/;

function scalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * serverUrl + path (params filled and encoded) + query. Query is form style:
 * `a=1&a=2` for arrays (`a=1,2` for `comma` params), booleans as true/false,
 * Dates as ISO strings, objects as JSON; undefined and null are left out.
 */
export function buildUrl(serverUrl: string, op: Operation, wire: Record<string, unknown>): string | UrlIssue {
  let path = op.path;
  for (const name of op.pathParams ?? []) {
    const value = wire[name];
    if (value === undefined || value === null || value === "" || typeof value === "object") {
      return { message: `Path parameter "${name}" must be a non-empty string or number`, path: [{ key: name }] };
    }
    if (DOT_SEGMENT.test(String(value))) {
      return { message: `Path parameter "${name}" cannot be "." or "..": it would change the endpoint`, path: [{ key: name }] };
    }
    path = path.replace(`{${name}}`, pathSegment(String(value)));
  }
  let query = "";
  for (const param of op.query ?? []) {
    const value = wire[param.name];
    if (value === undefined || value === null) continue;
    const key = encodeURIComponent(param.name);
    if (Array.isArray(value)) {
      const items = value.filter((v) => v !== undefined && v !== null).map((v) => encodeURIComponent(scalar(v)));
      if (items.length === 0) continue;
      query += param.comma ? `&${key}=${items.join(",")}` : items.map((i) => `&${key}=${i}`).join("");
    } else {
      query += `&${key}=${encodeURIComponent(scalar(value))}`;
    }
  }
  return serverUrl + path + (query ? `?${query.slice(1)}` : "");
}
