import type { ValidationIssue } from "../errors/issues.js";
import type { Operation } from "./operation.js";

/** One path segment: encodeURIComponent keeps `/`, `?`, `#` and `\\` from leaving the segment. */
export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}

// A segment "." or ".." would be resolved away by the URL parser (even written
// as %2E, which it also treats as a dot), moving the request to another endpoint.
// Any other value is safe once encoded: "%" itself becomes "%25".
const DOT_SEGMENT = /^\.\.?$/;

/** A query value as text: Dates as ISO strings, objects as JSON, the rest as String(). */
const scalar = (value: unknown) =>
  encodeURIComponent(value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value));

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
    path = path.replace(`{${key}}`, pathSegment(String(value)));
  }
  let query = "";
  // Names are the spec's wire names (plain identifiers): only values need encoding.
  for (const { name, comma } of op.query ?? []) {
    const items = [wire[name]].flat().filter((item) => item != null).map(scalar);
    if (items.length) query += comma ? `&${name}=${items.join(",")}` : items.map((item) => `&${name}=${item}`).join("");
  }
  // The first "&" becomes the "?" that starts the query.
  return (serverUrl.endsWith("/") ? serverUrl.replace(/\/+$/, "") : serverUrl) + path + query.replace("&", "?");
}
