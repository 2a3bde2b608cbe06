/**
 * The outcome of every clerk-fn call. Check `ok` to narrow:
 * `if (res.ok) res.value; else res.error`.
 */
export type Result<T, E = unknown> = { ok: true; value: T; error?: never } | { ok: false; error: E; value?: never };

/** A successful Result. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** A failed Result. */
export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}
