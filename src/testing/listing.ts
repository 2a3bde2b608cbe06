// Query parameters of list operations: filters, `order_by` with `-`/`+`, `limit` and `offset`.
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
