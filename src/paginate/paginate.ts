import type { ClerkCore } from "../core.js";
import { InvalidRequestError } from "../errors/invalidRequestError.js";
import { UnexpectedClientError } from "../errors/unexpectedClientError.js";
import type { PageInfo } from "../lib/pagination.js";
import { err, ok } from "../types/result.js";
import type { Result } from "../types/result.js";
import { checkLimits, pageInfoOf } from "./checks.js";
import type { WalkLimits } from "./checks.js";
import { cursorParam } from "./cursor.js";
import { nextTask } from "./next-task.js";
import type { ItemOf, ListFunction, PageError, PaginateArgs, PaginateOptions } from "./types.js";

type Page<F> = Result<ItemOf<F>[], PageError<F> | InvalidRequestError | UnexpectedClientError>;

/**
 * Walks every page of a list operation: `for await (const page of paginate(usersList, clerk))`.
 * Each page is a Result; the walk never throws.
 *
 * - Asks for the largest page the operation allows (or `pageSize`), and for
 *   the `{ data, totalCount }` form where the operation offers it (`paginated: true`).
 * - Goes by cursor where the operation has one and the order allows it
 *   (usersList in `created_at` order, the default: `startingAfter` = the last
 *   id of the previous page), by offset everywhere else.
 * - Stops after the last page (one shorter than asked for, or `totalCount`
 *   reached), after `maxItems` items, or when `signal` aborts.
 * - A page that fails (after the call's own retries) is yielded once as a
 *   failed Result, and the walk ends. An abort ends it the same way, with
 *   RequestAbortedError. So does a page that brings no item not yielded
 *   before (a server that ignores the paging answers the same page forever),
 *   with UnexpectedClientError, and a bad argument, with InvalidRequestError.
 * - Between two pages it lets the event loop run (a macrotask), so timers and
 *   `AbortSignal.timeout` fire even over an in-process fetch.
 * - Offset pages shift when items are created or deleted during the walk, so
 *   an item may come round twice: one whose id was already yielded is skipped.
 *   What each walk can miss: docs/pagination.md.
 */
export async function* paginate<F extends ListFunction>(
  fn: F,
  core: ClerkCore,
  ...[request, options]: PaginateArgs<F>
): AsyncGenerator<Page<F>, void, undefined> {
  try {
    const page = pageInfoOf(fn);
    if (!page) {
      const message = "must be a list function from clerk-fn/funcs (one that takes limit and offset, e.g. usersList)";
      yield err(new InvalidRequestError([{ message, path: [{ key: "fn" }] }]));
      return;
    }
    const { pageSize, maxItems, ...callOptions } = (options ?? {}) as PaginateOptions;
    const limits = checkLimits(page, pageSize, maxItems);
    if (!limits.ok) {
      yield err(new InvalidRequestError([limits.error]));
      return;
    }
    yield* walk(fn, page, core, (request ?? {}) as Record<string, unknown>, limits.value, callOptions);
  } catch (cause) {
    // Only a bug or a hostile argument (a throwing getter) gets here.
    yield err(new UnexpectedClientError(`paginate(${nameOf(fn)}) failed`, { cause }));
  }
}

async function* walk<F extends ListFunction>(
  fn: F,
  page: PageInfo,
  core: ClerkCore,
  request: Record<string, unknown>,
  { pageSize, maxItems }: WalkLimits,
  callOptions: object,
): AsyncGenerator<Page<F>, void, undefined> {
  const call = fn as unknown as (
    core: ClerkCore,
    request: object,
    options: object,
  ) => Promise<Result<unknown, PageError<F>>>;
  const cursor = cursorParam(page, request);
  let after = cursor === undefined ? undefined : (request[cursor] as string | undefined);
  let offset = 0;
  const where = () => (cursor === undefined ? `at offset ${offset}` : `after ${after ?? "the start"}`);
  const stop = (problem: string) =>
    err(new UnexpectedClientError(`paginate(${fn.name}): the page ${where()} ${problem}`));
  const seen = new Set<unknown>();
  let remaining = maxItems;

  for (let first = true; remaining > 0; first = false) {
    if (!first) await nextTask();
    const limit = Math.min(pageSize, remaining);
    const position = cursor === undefined ? { offset } : { offset: undefined, [cursor]: after };
    const res = await call(
      core,
      { ...request, ...(page.shape === "flag" && { paginated: true }), limit, ...position },
      callOptions,
    );
    if (!res.ok) {
      yield res;
      return;
    }
    const { items, totalCount } = itemsOf(res.value, page.itemsField);
    if (!items) {
      yield stop("holds no list of items");
      return;
    }
    const fresh = items.filter((item) => isNew(seen, item, page.idField));
    if (items.length > 0 && fresh.length === 0) {
      // Asking again would bring the same again: the server ignores the paging, or
      // the list shifted by a whole page under an offset walk.
      yield stop(`brought ${items.length} items, all yielded before; the walk stops rather than loop`);
      return;
    }
    const delivered = fresh.slice(0, remaining);
    remaining -= delivered.length;
    if (delivered.length > 0) yield ok(delivered as ItemOf<F>[]);
    offset += items.length;
    if (items.length < limit || offset >= totalCount || remaining <= 0) return;
    if (cursor !== undefined) {
      const last = idOf(items[items.length - 1], page.idField);
      if (typeof last !== "string" || last === "") {
        yield stop("ends with an item without an id, so there is no cursor to ask for the next page");
        return;
      }
      after = last;
    }
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

const idOf = (item: unknown, idField: string): unknown =>
  typeof item === "object" && item !== null ? (item as Record<string, unknown>)[idField] : undefined;

/** True the first time an id shows up; an item whose id is absent or null is always new. */
function isNew(seen: Set<unknown>, item: unknown, idField: string): boolean {
  const id = idOf(item, idField);
  if (id === undefined || id === null) return true;
  if (seen.has(id)) return false;
  seen.add(id);
  return true;
}

/** `fn`'s name for a message, whatever `fn` is. */
function nameOf(fn: unknown): string {
  try {
    return typeof fn === "function" ? fn.name : typeof fn;
  } catch {
    return "?";
  }
}
