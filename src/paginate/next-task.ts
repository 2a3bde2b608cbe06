/**
 * Resolves on a later turn of the event loop (a macrotask, not a microtask), so
 * timers, I/O and `AbortSignal.timeout` get their turn between two pages even
 * when `fetch` answers without any I/O (an in-process fake such as
 * clerk-fn/testing), where a loop of resolved promises would starve them.
 *
 * A MessageChannel message where there is one (Node, Deno, Bun, browsers,
 * Workers): unlike a nested `setTimeout(0)` it is not clamped to 4 ms in
 * browsers, and test fake timers (vitest, sinon) leave it alone, so a walk over
 * the fake does not stall until someone advances the clock. `setTimeout(0)`
 * elsewhere.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel !== "function") {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      // Closed at once: an open port with a listener keeps a Node process alive.
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
