// A timer holds at most 2^31 - 1 ms (about 24.8 days): a longer delay fires at
// once (Node prints a TimeoutOverflowWarning), so a loop waiting on it would spin.
const MAX_TIMER = 2 ** 31 - 1;

/**
 * Waits `ms` milliseconds, however long (a wait longer than a timer can hold
 * runs as a chain of timers). Resolves `false` at once if `signal` aborts
 * (before or during the wait), `true` when the time has passed. Never rejects.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout>;
    const done = (passed: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", aborted);
      resolve(passed);
    };
    const aborted = () => done(false);
    const wait = (left: number) => {
      timer = left > MAX_TIMER ? setTimeout(wait, MAX_TIMER, left - MAX_TIMER) : setTimeout(done, left, true);
    };
    wait(ms);
    if (signal?.aborted) aborted();
    else signal?.addEventListener("abort", aborted);
  });
}
