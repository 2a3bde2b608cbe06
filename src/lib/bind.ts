import type { ClerkCore } from "../core.js";

/**
 * An operation function with its core already given: `(request, options?)`,
 * returning the same Result. The list functions whose value follows
 * `paginated` have three call signatures; each keeps its own request and value
 * types (a plain function matches the pattern three times over with one signature).
 */
export type Bound<F> = F extends {
  (core: ClerkCore, ...args: infer A1): infer R1;
  (core: ClerkCore, ...args: infer A2): infer R2;
  (core: ClerkCore, ...args: infer A3): infer R3;
}
  ? [A1, R1] extends [A3, R3]
    ? [A3, R3] extends [A1, R1]
      ? (...args: A3) => R3
      : { (...args: A1): R1; (...args: A2): R2; (...args: A3): R3 }
    : { (...args: A1): R1; (...args: A2): R2; (...args: A3): R3 }
  : never;

/**
 * Gives `fn` its core. The arguments pass through untouched, so the call is
 * exactly `fn(core, request, options)`: same request, same Result.
 */
/* @__NO_SIDE_EFFECTS__ */
export function bindCore<F extends (core: ClerkCore, ...args: never[]) => unknown>(core: ClerkCore, fn: F): Bound<F> {
  const call = fn as unknown as (core: ClerkCore, ...args: unknown[]) => unknown;
  return ((...args: unknown[]) => call(core, ...args)) as Bound<F>;
}
