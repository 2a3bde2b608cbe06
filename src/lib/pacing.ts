import type { ClerkCore } from "../core.js";
import type { AttemptFailure } from "../retries/retry.js";
import { sleep } from "../retries/sleep.js";

// When Clerk refuses one call with 429 + Retry-After, every other call on the
// same core would be refused too until then: they all wait for that moment
// instead of each collecting its own 429. Kept beside the core, not in it,
// because ClerkCore holds configuration only.
const pausedUntil = new WeakMap<ClerkCore, number>();

/** Records a 429's Retry-After as a pause for every call on `core`. */
export function noteRefusal(core: ClerkCore, failure: AttemptFailure | undefined): void {
  if (failure?.kind === "status" && failure.status === 429 && failure.retryAfterMs) {
    pausedUntil.set(core, Math.max(pausedUntil.get(core) ?? 0, Date.now() + failure.retryAfterMs));
  }
}

/** Waits until `core` may start its next attempt; `false` if `signal` aborted meanwhile. */
export async function waitForTurn(core: ClerkCore, signal: AbortSignal | undefined): Promise<boolean> {
  // Asked again after every wake-up: a later 429 may have moved the pause.
  for (let wait; (wait = pausedUntil.get(core)! - Date.now()) > 0;) if (!(await sleep(wait, signal))) return false;
  await core.rateLimiter?.acquire(signal);
  return !signal?.aborted;
}
