import type { ClerkCore } from "../core.js";
import type { PageInfo } from "../lib/pagination.js";
import type { RequestOptions } from "../lib/request.js";
import type { Result } from "../types/result.js";

/**
 * A generated list function: one that takes `limit` and `offset` and carries
 * its PageInfo as `fn.page`. Any other function is a type error for paginate.
 */
export type ListFunction = ((
  core: ClerkCore,
  request: never,
  options?: RequestOptions,
) => Promise<Result<unknown, unknown>>) & {
  readonly page: PageInfo;
};

/** What `fn` returns on success (for overloaded functions, the widest form). */
type ValueOf<F> = F extends (...args: never[]) => Promise<Result<infer V, unknown>> ? V : never;

/** What `fn` returns on failure. */
export type PageError<F> = F extends (...args: never[]) => Promise<Result<unknown, infer E>> ? E : never;

/**
 * One item of the list: the element of a bare array, or of the envelope's
 * array property (`data`, or e.g. `m2mTokens`).
 */
export type ItemOf<F> = ItemOfValue<ValueOf<F>>;
type ItemOfValue<V> = V extends readonly (infer I)[]
  ? I
  : { [K in keyof V]-?: NonNullable<V[K]> extends readonly (infer I)[] ? I : never }[keyof V];

/** `fn`'s request without the paging parameters, which the walk sets itself. */
export type PageRequest<F extends ListFunction> = Omit<NonNullable<Parameters<F>[1]>, "limit" | "offset" | "paginated">;

export interface PaginateOptions extends RequestOptions {
  /**
   * Items per request: a whole number from 1 to the largest `limit` the
   * operation allows, which is the default (500 for most lists).
   */
  readonly pageSize?: number | undefined;
  /** Stop after this many items: a whole number ≥ 0, or Infinity (the default) for no limit. */
  readonly maxItems?: number | undefined;
}

export interface CollectOptions extends PaginateOptions {
  /** Required (Infinity to gather everything), so nobody loads a million users into memory by accident. */
  readonly maxItems: number;
}

/** paginate's arguments after `core`: the request is required exactly when `fn` requires one. */
export type PaginateArgs<F extends ListFunction> = undefined extends Parameters<F>[1]
  ? [request?: PageRequest<F>, options?: PaginateOptions]
  : [request: PageRequest<F>, options?: PaginateOptions];

/** collect's arguments after `core`: the same request, and options with `maxItems`. */
export type CollectArgs<F extends ListFunction> = undefined extends Parameters<F>[1]
  ? [request: PageRequest<F> | undefined, options: CollectOptions]
  : [request: PageRequest<F>, options: CollectOptions];
