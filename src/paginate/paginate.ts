import type { ClerkCore } from "../core.js";
import { UnexpectedClientError } from "../errors/unexpectedClientError.js";
import { err, ok } from "../types/result.js";
import type { Result } from "../types/result.js";
import type { ItemOf, ListFunction, PageError, PaginateArgs, PaginateOptions } from "./types.js";

// Clerk's own default `limit`: always accepted where the spec states no maximum.
const FALLBACK_PAGE_SIZE = 10;

/**
 * Walks every page of a list operation: `for await (const page of paginate(usersList, clerk))`.
 * Each page is a Result; the walk never throws.
 *
 * - Asks for the largest page the operation allows (or `pageSize`), and for
 *   the `{ data, totalCount }` form where the operation offers it (`paginated: true`).
 * - Stops after the last page (one shorter than asked for, or `totalCount`
 *   reached), after `maxItems` items, or when `signal` aborts.
 * - A page that fails (after the call's own retries) is yielded once as a
 *   failed Result, and the walk ends. An abort ends it the same way, with
 *   RequestAbortedError.
 * - Offset pages shift when items are created or deleted during the walk, so
 *   an item may come round twice: one whose id was already yielded is skipped.
 *   What a walk can miss, and which order to use for exports: docs/pagination.md.
 */
export async function* paginate<F extends ListFunction>(
  fn: F,
  core: ClerkCore,
  ...[request, options = {}]: PaginateArgs<F>
): AsyncGenerator<Result<ItemOf<F>[], PageError<F> | UnexpectedClientError>, void, undefined> {
  try {
    yield* walk(fn, core, request, options);
  } catch (cause) {
    // Only a bug or a hostile argument (a throwing getter) gets here.
    yield err(new UnexpectedClientError(`paginate(${fn.name}) failed`, { cause }));
  }
}

async function* walk<F extends ListFunction>(
  fn: F,
  core: ClerkCore,
  request: object | undefined,
  options: PaginateOptions,
): AsyncGenerator<Result<ItemOf<F>[], PageError<F> | UnexpectedClientError>, void, undefined> {
  const { page } = fn;
  const { pageSize = page.maxLimit ?? FALLBACK_PAGE_SIZE, maxItems = Infinity, ...callOptions } = options;
  const call = fn as unknown as (
    core: ClerkCore,
    request: object,
    options: object,
  ) => Promise<Result<unknown, PageError<F>>>;
  const seen = new Set<unknown>();
  let offset = 0;
  let remaining = maxItems;

  while (remaining > 0) {
    const limit = Math.min(pageSize, remaining);
    const res = await call(
      core,
      { ...request, ...(page.shape === "flag" && { paginated: true }), limit, offset },
      callOptions,
    );
    if (!res.ok) {
      yield res;
      return;
    }
    const { items, totalCount } = itemsOf(res.value, page.itemsField);
    if (!items) {
      yield err(new UnexpectedClientError(`paginate(${fn.name}): a page holds no list of items`, { cause: res.value }));
      return;
    }
    offset += items.length;
    const fresh = items.filter((item) => isNew(seen, item, page.idField)).slice(0, remaining);
    remaining -= fresh.length;
    if (fresh.length > 0) yield ok(fresh as ItemOf<F>[]);
    if (items.length < limit || offset >= totalCount) return;
  }
}

/** The items of one page, and the total the server reported (Infinity for a bare array). */
function itemsOf(value: unknown, itemsField = "data"): { items?: unknown[]; totalCount: number } {
  if (Array.isArray(value)) return { items: value, totalCount: Infinity };
  const envelope = value as Record<string, unknown> | null;
  const items = envelope?.[itemsField];
  const total = envelope?.totalCount;
  return { items: Array.isArray(items) ? items : undefined, totalCount: typeof total === "number" ? total : Infinity };
}

/** True the first time an id shows up; an item without an id is always new. */
function isNew(seen: Set<unknown>, item: unknown, idField: string): boolean {
  const id = (item as Record<string, unknown> | null)?.[idField];
  if (id === undefined) return true;
  if (seen.has(id)) return false;
  seen.add(id);
  return true;
}
