import { vi } from "vitest";

let inFlight = 0;

/**
 * Simulated time for a test that talks to a real server: Date and
 * setTimeout/clearTimeout are faked, and `runSimulated` moves the clock to the
 * next timer whenever the work under test is only waiting. So a 100-second
 * export runs in a moment, and every wait it makes is a real wait on the
 * simulated clock.
 */
export function useSimulatedTime(start = Date.UTC(2026, 0, 1)): void {
  inFlight = 0;
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: start });
}

/**
 * The fetch to give ClerkCore under simulated time: it reads each response
 * whole before handing it on, so the clock never moves while a request is on
 * the wire (fetch's own timers are faked too, and would otherwise count as
 * "only waiting").
 */
export const simulatedFetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
  inFlight++;
  try {
    const response = await fetch(input, init);
    const body = response.status === 204 ? null : await response.arrayBuffer();
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } finally {
    inFlight--;
  }
};

/** Runs `work` to completion, moving the simulated clock whenever it waits on a timer and nothing is in flight. */
export async function runSimulated<T>(work: Promise<T>): Promise<T> {
  let done = false;
  const finished = work.finally(() => (done = true));
  while (!done) {
    // Let I/O callbacks and promise jobs run first, over two turns of the event loop:
    // paginate waits for a MessageChannel message between pages (a real macrotask, not
    // faked), which may be delivered only on the turn after the one that posted it.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    if (!done && inFlight === 0 && vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
  }
  return finished;
}
