import type { PageInfo } from "../lib/pagination.js";

// Clerk's cursors (`starting_after`) follow the `created_at` order only, in
// either direction; no `orderBy` means Clerk's default, `-created_at`. Any other
// order is answered 422, since its values are neither unique nor fixed.
const CURSOR_ORDERS: ReadonlySet<unknown> = new Set([undefined, "created_at", "+created_at", "-created_at"]);

/**
 * The request property to walk by, when this walk can go by cursor: the
 * operation takes one (usersList's `startingAfter`) and the caller either
 * orders by `created_at` or gave a cursor to resume after (then Clerk judges
 * the order). Otherwise undefined: the walk goes by offset.
 */
export function cursorParam(page: PageInfo, request: Record<string, unknown>): string | undefined {
  const { cursor } = page;
  if (cursor === undefined) return undefined;
  return CURSOR_ORDERS.has(request["orderBy"]) || typeof request[cursor] === "string" ? cursor : undefined;
}
