/**
 * Waits `ms` milliseconds. Resolves `false` at once if `signal` aborts (before or
 * during the wait), `true` when the time has passed. Never rejects.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (passed: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", aborted);
      resolve(passed);
    };
    const aborted = () => done(false);
    const timer = setTimeout(done, ms, true);
    if (signal?.aborted) aborted();
    else signal?.addEventListener("abort", aborted);
  });
}
