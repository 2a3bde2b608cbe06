import type { Result } from "./result.js";

/** The value of a successful Result, or `fallback` when it failed. Never throws. */
export function valueOr<T, F>(result: Result<T, unknown>, fallback: F): T | F {
  return result.ok ? result.value : fallback;
}

/** Transforms the value of a successful Result; a failed Result passes through. */
export function mapValue<T, U, E>(result: Result<T, E>, fn: (value: T) => U): Result<U, E> {
  return result.ok ? { ok: true, value: fn(result.value) } : result;
}

/** Value type of a Result, or of a function returning a Promise of one. */
export type ValueOf<R> =
  R extends Result<infer T, unknown>
    ? T
    : R extends (...args: never[]) => Promise<Result<infer T, unknown>>
      ? T
      : never;

/** Error type of a Result, or of a function returning a Promise of one. */
export type ErrorOf<R> =
  R extends Result<unknown, infer E>
    ? E
    : R extends (...args: never[]) => Promise<Result<unknown, infer E>>
      ? E
      : never;
