import type { ValidationIssue } from "../errors/issues.js";
import type { Operation } from "./operation.js";

// A segment "." or ".." would be resolved away by the URL parser (even written
// as %2E, which it also treats as a dot), moving the request to another endpoint.
// Any other value is safe once encoded: "%" itself becomes "%25".
const DOT_SEGMENT = /^\.\.?$/;

/**
 * A query value or path segment, encoded: Dates as ISO strings, objects as JSON,
 * the rest as String(). encodeURIComponent keeps `/`, `?`, `#` and `\\` from
 * leaving a path segment.
 */
const scalar = (value: unknown) =>
  encodeURIComponent(value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value));

/** `url` without trailing slashes (a path is appended to it). */
export const withoutTrailingSlashes = (url: string): string => (url.endsWith("/") ? url.replace(/\/+$/, "") : url);

/**
 * serverUrl + path (params filled and encoded) + query. Query is form style:
 * `a=1&a=2` for arrays (`a=1,2` for `comma` params), booleans as true/false,
 * Dates as ISO strings, objects as JSON; undefined and null are left out.
 * Returns the issue instead when a path parameter cannot be sent.
 */
export function buildUrl(serverUrl: string, op: Operation, wire: Record<string, unknown>): string | ValidationIssue {
  let path = op.path;
  for (const key of op.pathParams ?? []) {
    const value = wire[key];
    if (value == null || value === "" || typeof value === "object" || DOT_SEGMENT.test(String(value))) {
      return { message: 'must be a non-empty string or number, not "." or ".."', path: [{ key }] };
    }
    path = path.replace(`{${key}}`, scalar(value));
  }
  let query = "";
  // Names are the spec's wire names (plain identifiers): only values need encoding.
  for (const { name, comma } of op.query ?? []) {
    const items = [wire[name]].flat().filter((item) => item != null).map(scalar);
    // A comma param sends its items as one value (none at all when there are none).
    for (const item of comma && items.length ? [items.join()] : items) query += `&${name}=${item}`;
  }
  // The first "&" becomes the "?" that starts the query.
  return withoutTrailingSlashes(serverUrl) + path + query.replace("&", "?");
}
