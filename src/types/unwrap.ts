import type { Result } from "./result.js";

/**
 * Returns the value of a successful Result and throws the error of a failed one.
 * This is the one deliberate throwing helper in clerk-fn, for code that prefers
 * exceptions (scripts, tests, a framework that maps thrown errors to responses).
 */
export function unwrap<T, E>(result: Result<T, E>): T {
  if (result.ok) return result.value;
  throw result.error;
}

/** `unwrap` for a pending Result: resolves to the value or rejects with the error. */
export async function unwrapAsync<T, E>(result: Promise<Result<T, E>>): Promise<T> {
  return unwrap(await result);
}
