import { lazy } from "valibot";
import type { GenericSchema } from "valibot";

/**
 * What a list operation (one that takes `limit` and `offset`) tells a pager
 * about its pages. The generator attaches it to each such function as
 * `fn.page`; `clerk-fn/paginate` reads it. Functions that are not lists carry
 * none of this, so a bundle that does not page does not ship it.
 */
export interface PageInfo {
  /** Largest `limit` the spec allows, when it says. */
  readonly maxLimit?: number;
  /**
   * "array": bare array body; "envelope": `{ data, totalCount }`; "flag": bare
   * array unless the request sets `paginated: true`, then the envelope.
   */
  readonly shape: "array" | "envelope" | "flag";
  /** camelCase property of an item that identifies it, e.g. "id". */
  readonly idField: string;
  /**
   * camelCase property of the envelope that holds the items, when it is not
   * `data` (m2mListTokens answers `{ m2mTokens, totalCount }`).
   */
  readonly itemsField?: string;
  /**
   * camelCase request property of the operation's cursor, when it has one
   * (`startingAfter` for usersList): the id of the last item of the previous
   * page. Clerk's cursors need the `created_at` ordering and no `offset`.
   */
  readonly cursor?: string;
}

/** A generated list function, carrying its PageInfo as `fn.page`. */
export type Listable<F> = F & { readonly page: PageInfo };

/** Attaches `page` to a generated list function (and returns the same function). */
/* @__NO_SIDE_EFFECTS__ */
export function listable<F extends (...args: never[]) => unknown>(fn: F, page: PageInfo): Listable<F> {
  return Object.assign(fn, { page });
}

/**
 * The response schema of a "flag" list: a bare array decodes as the list, any
 * other body as the `{ data, total_count }` envelope that `paginated: true` asks for.
 */
/* @__NO_SIDE_EFFECTS__ */
export function listOrEnvelope<L, E>(
  list: GenericSchema<unknown, L>,
  envelope: GenericSchema<unknown, E>,
): GenericSchema<unknown, L | E> {
  return lazy((body): GenericSchema<unknown, L | E> => (Array.isArray(body) ? list : envelope));
}
