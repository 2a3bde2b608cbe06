/** What `raced` returns when the attempt was stopped (timed out or aborted) first. */
export const STOPPED: unique symbol = Symbol("stopped");

/**
 * A promise that resolves to STOPPED when `signal` aborts (at once if it has),
 * and the function that removes its listener: a caller's long-lived signal
 * must not collect one listener per attempt.
 */
export function whenAborted(signal: AbortSignal): [Promise<typeof STOPPED>, () => void] {
  let listener = () => {};
  const stopped = new Promise<typeof STOPPED>((resolve) => {
    listener = () => resolve(STOPPED);
    if (signal.aborted) resolve(STOPPED);
    else signal.addEventListener("abort", listener, { once: true });
  });
  return [stopped, () => signal.removeEventListener("abort", listener)];
}

/**
 * `value` (awaited), or STOPPED if `stopped` settles first. Every step that runs
 * the caller's code (key provider, hooks, custom fetch, body read) goes through
 * this, so a timeout or an abort ends the attempt even when that code ignores
 * the signal. A plain value is returned as it is (no extra microtask).
 */
export function raced<T>(
  value: T | Promise<T>,
  stopped: Promise<typeof STOPPED> | undefined,
): T | Promise<T | typeof STOPPED> {
  return stopped && value instanceof Promise ? Promise.race([value, stopped]) : value;
}
