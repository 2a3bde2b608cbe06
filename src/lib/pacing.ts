import type { ClerkCore } from "../core.js";
import type { AttemptFailure } from "../retries/retry.js";
import { sleep } from "../retries/sleep.js";
import { raced, STOPPED } from "./race.js";

// When Clerk refuses one call with 429 + Retry-After, every other call on the
// same core would be refused too until then: they all wait for that moment
// instead of each collecting its own 429. Kept beside the core, not in it,
// because ClerkCore holds configuration only.
const pausedUntil = new WeakMap<ClerkCore, number>();

/**
 * Records a 429's Retry-After as a pause for every call on `core`. Called only
 * when the refused call retries, so the pause is one it waits out itself: never
 * longer than its retry policy's maxInterval (a longer Retry-After ends that
 * call instead, and pauses nothing).
 */
export function noteRefusal(core: ClerkCore, failure: AttemptFailure | undefined): void {
  if (failure?.kind === "status" && failure.status === 429 && failure.retryAfterMs) {
    pausedUntil.set(core, Math.max(pausedUntil.get(core) ?? 0, Date.now() + failure.retryAfterMs));
  }
}

/** Whether an attempt on `core` may have to wait (a 429 pause not yet over, or a limiter): checked first so that a call that need not wait does not pay for an await. */
export const mustWait = (core: ClerkCore): boolean => !!core.rateLimit || pausedUntil.get(core)! > Date.now();

/**
 * Waits until an attempt on `core` may start: past the shared 429 pause, then
 * for a `rateLimit` slot. `signal` is the attempt's (the caller's signal and
 * timeoutMs); STOPPED if it aborted first. A limiter always receives a signal,
 * and one that ignores it is abandoned when it aborts; a rejection that comes
 * with the abort counts as the abort, any other is thrown.
 */
export async function waitForTurn(
  core: ClerkCore,
  signal: AbortSignal | undefined,
  stopped: Promise<typeof STOPPED> | undefined,
): Promise<true | typeof STOPPED> {
  // Asked again after every wake-up: a later 429 may have moved the pause.
  for (let wait; (wait = pausedUntil.get(core)! - Date.now()) > 0;) if (!(await sleep(wait, signal))) return STOPPED;
  const limiter = core.rateLimit;
  try {
    if (limiter && (await raced(limiter.acquire(signal ?? new AbortController().signal), stopped)) === STOPPED)
      return STOPPED;
  } catch (thrown) {
    if (!signal?.aborted) throw thrown;
  }
  return signal?.aborted ? STOPPED : true;
}
