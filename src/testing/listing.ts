// Query parameters of list operations: filters (with `+`/`-` include/exclude prefixes),
// `order_by` with `-`/`+`, `limit` and `offset`, and `paginated=true` envelopes.
import { formatInvalid } from "./errors.js";

/** Repeated (`a=1&a=2`) and comma-joined (`a=1,2`) values alike. */
export function queryList(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(","))
    .filter((value) => value !== "");
}

function queryInt(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw formatInvalid(name, `must be an integer from ${min} to ${max}`);
  return value;
}

export function queryBool(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw formatInvalid(name, "must be true or false");
}

/**
 * An id filter whose values may carry `+` (include, the default) or `-` (exclude), as the
 * spec documents for user_id, organization_id and external_id. A raw `+` in a query string
 * arrives as a space, so a leading space counts as `+` too.
 */
export interface IdFilter {
  readonly active: boolean;
  /** True when `ids` (a record's own id, or the ids it relates to) pass the filter. */
  admits(ids: string | null | readonly string[]): boolean;
}

export function queryIdFilter(query: URLSearchParams, name: string): IdFilter {
  const include = new Set<string>();
  const exclude = new Set<string>();
  for (const value of queryList(query, name)) {
    if (value.startsWith("-")) exclude.add(value.slice(1));
    else include.add(value.replace(/^[+ ]/, ""));
  }
  return {
    active: include.size > 0 || exclude.size > 0,
    admits(ids) {
      const own = ids === null ? [] : typeof ids === "string" ? [ids] : ids;
      if (include.size > 0 && !own.some((id) => include.has(id))) return false;
      return !own.some((id) => exclude.has(id));
    },
  };
}

/** Clerk's paging: limit 1..500 (default 10; the machine-token lists allow at most 100), offset from 0. */
export function page<T>(items: readonly T[], query: URLSearchParams, maxLimit = 500): T[] {
  const limit = queryInt(query, "limit", 10, 1, maxLimit);
  const offset = queryInt(query, "offset", 0, 0);
  return items.slice(offset, offset + limit);
}

type SortKey<T> = (item: T) => string | number | null | undefined;

/**
 * Sorts by `order_by` (`created_at`, `-created_at`, `+name`...), one of `keys`. Ties keep
 * creation order, so records made in the same millisecond stay in the order they were made.
 * Missing values sort last either way.
 */
export function orderBy<T extends { readonly seq: number }>(
  items: readonly T[],
  query: URLSearchParams,
  keys: Readonly<Record<string, SortKey<T>>>,
  fallback: string,
): T[] {
  const raw = query.get("order_by") || fallback;
  const descending = raw.startsWith("-");
  const field = raw.replace(/^[-+]/, "");
  const key = keys[field];
  if (!key)
    throw formatInvalid("order_by", `must be one of ${Object.keys(keys).join(", ")} (optionally prefixed with + or -)`);
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x !== y) {
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      const order = x < y ? -1 : 1;
      return descending ? -order : order;
    }
    return descending ? b.seq - a.seq : a.seq - b.seq;
  });
}

/** Case-insensitive substring match of `needle` in any of `haystack`. */
export function matchesQuery(needle: string, haystack: ReadonlyArray<string | null | undefined>): boolean {
  const lower = needle.toLowerCase();
  return haystack.some((value) => value?.toLowerCase().includes(lower));
}

/**
 * The answer of a list operation whose spec declares `paginated`: a bare array of the page,
 * or `{ data, total_count }` when the caller sent `paginated=true` (@clerk/backend always does).
 */
export function listAnswer<T>(
  items: readonly T[],
  query: URLSearchParams,
  render: (item: T) => unknown,
): unknown[] | { data: unknown[]; total_count: number } {
  const data = page(items, query).map((item) => render(item));
  return queryBool(query, "paginated") === true ? { data, total_count: items.length } : data;
}
