import type { ValidationIssue } from "../errors/issues.js";
import type { PageInfo } from "../lib/pagination.js";

/** The walk's own settings, checked. */
export interface WalkLimits {
  readonly pageSize: number;
  readonly maxItems: number;
}

// Clerk's own default `limit`: always accepted where the spec states no maximum.
const FALLBACK_PAGE_SIZE = 10;

const issue = (key: string, message: string): ValidationIssue => ({ message, path: [{ key }] });

/** `fn.page` of a generated list function, or undefined for anything else (null, a non-list function). */
export function pageInfoOf(fn: unknown): PageInfo | undefined {
  const page = typeof fn === "function" ? (fn as { page?: unknown }).page : undefined;
  return typeof page === "object" && page !== null ? (page as PageInfo) : undefined;
}

/**
 * `pageSize` and `maxItems` as the walk uses them, or what is wrong with them.
 * A careless value (NaN, -1, 1.5, null, a string) is a mistake to report, not
 * "no items" or "no limit", and never a `limit` the caller did not write.
 */
export function checkLimits(
  page: PageInfo,
  pageSize: unknown,
  maxItems: unknown,
): { ok: true; value: WalkLimits } | { ok: false; error: ValidationIssue } {
  const largest = page.maxLimit ?? Infinity;
  if (
    pageSize !== undefined &&
    !(Number.isInteger(pageSize) && (pageSize as number) >= 1 && (pageSize as number) <= largest)
  )
    return {
      ok: false,
      error: issue("pageSize", `must be a whole number from 1 to ${page.maxLimit ?? "any"}, got ${describe(pageSize)}`),
    };
  if (maxItems !== undefined && maxItems !== Infinity && !(Number.isInteger(maxItems) && (maxItems as number) >= 0))
    return {
      ok: false,
      error: issue("maxItems", `must be a whole number ≥ 0 (or Infinity for no limit), got ${describe(maxItems)}`),
    };
  return {
    ok: true,
    value: {
      pageSize: (pageSize as number | undefined) ?? page.maxLimit ?? FALLBACK_PAGE_SIZE,
      maxItems: (maxItems as number | undefined) ?? Infinity,
    },
  };
}

/** collect's `maxItems` is required: it is what keeps a million users out of memory by accident. */
export function missingMaxItems(options: unknown): ValidationIssue | undefined {
  const maxItems = (options as { maxItems?: unknown } | null | undefined)?.maxItems;
  return maxItems === undefined
    ? issue("maxItems", "is required for collect (a whole number ≥ 0, or Infinity to gather everything)")
    : undefined;
}

/** A short, safe rendering of a bad value for an error message. */
function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.slice(0, 40));
  if (typeof value === "function") return "a function";
  if (typeof value === "object" && value !== null) return "an object";
  return String(value);
}
