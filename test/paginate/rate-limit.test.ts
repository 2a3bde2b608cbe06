// The core-wide rate limit (`rateLimit`) and the shared 429 pause, on real
// calls against a Clerk-like server, on simulated time.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ClerkCore, logTo, slidingWindow } from "../../src/core.js";
import type { RateLimiter } from "../../src/core.js";
import { usersList } from "../../src/funcs/usersList.js";
import { startClerkServer, type ClerkServer } from "./support/clerk-server.js";
import { runSimulated, simulatedFetch, useSimulatedTime } from "./support/fake-time.js";

let server: ClerkServer;
beforeEach(async () => {
  useSimulatedTime();
  server = await startClerkServer();
});
afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

/** The most requests that arrived within any `perMs` window. */
function busiestWindow(times: number[], perMs: number): number {
  let most = 0;
  for (let i = 0; i < times.length; i++)
    most = Math.max(most, times.filter((t) => t >= times[i]! && t < times[i]! + perMs).length);
  return most;
}

describe("rateLimit: slidingWindow({ requests, perMs })", () => {
  it("paces concurrent calls so no window holds more than `requests`, and all succeed", async () => {
    const clerk = new ClerkCore({
      fetch: simulatedFetch,
      serverUrl: server.url,
      bearerAuth: "sk_test_x",
      rateLimit: slidingWindow({ requests: 3, perMs: 1000 }),
    });
    const results = await runSimulated(Promise.all(Array.from({ length: 10 }, () => usersList(clerk))));
    expect(results.every((r) => r.ok)).toBe(true);
    const times = server.served.map((s) => s.at);
    expect(times).toHaveLength(10);
    expect(busiestWindow(times, 1000)).toBe(3);
    // 10 requests at 3 per second cannot finish in under 3 s of simulated time.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(3000);
  });

  it("counts retries: each attempt takes its own slot", async () => {
    const acquired: number[] = [];
    const counting: RateLimiter = { acquire: async () => void acquired.push(Date.now()) };
    const clerk = new ClerkCore({
      fetch: simulatedFetch,
      serverUrl: server.url,
      rateLimit: counting,
      retryConfig: {
        strategy: "backoff",
        backoff: { initialInterval: 10, maxInterval: 100, exponent: 1, maxElapsedTime: 10_000 },
        retryConnectionErrors: true,
      },
    });
    server.failNext(2, 503);
    const res = await runSimulated(usersList(clerk));
    expect(res.ok).toBe(true);
    expect(server.served.map((s) => s.status)).toEqual([503, 503, 200]);
    expect(acquired).toHaveLength(3);
  });

  it("stops waiting when the signal aborts, sending nothing more", async () => {
    const clerk = new ClerkCore({
      fetch: simulatedFetch,
      serverUrl: server.url,
      rateLimit: slidingWindow({ requests: 1, perMs: 60_000 }),
    });
    expect((await runSimulated(usersList(clerk))).ok).toBe(true);
    const controller = new AbortController();
    const waiting = usersList(clerk, {}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("enough")), 5_000);
    const res = await runSimulated(waiting);
    expect(res.ok).toBe(false);
    expect(res.error?.name).toBe("RequestAbortedError");
    expect(server.served).toHaveLength(1);
    // It gave up at the abort, not at the end of the minute.
    expect(Date.now() - server.served[0]!.at).toBeLessThan(60_000);
  });

  it("a limiter that rejects ends the call as UnexpectedClientError, nothing sent", async () => {
    const broken: RateLimiter = { acquire: () => Promise.reject(new Error("redis is down")) };
    const res = await usersList(new ClerkCore({ fetch: simulatedFetch, serverUrl: server.url, rateLimit: broken }));
    expect(res.error?.name).toBe("UnexpectedClientError");
    expect((res.error as Error).cause).toEqual(new Error("redis is down"));
    expect(server.served).toHaveLength(0);
  });
});

describe("a 429 with Retry-After pauses every call on the core", () => {
  it("other calls wait for the same moment instead of collecting their own 429s", async () => {
    server.limit = { requests: 5, perMs: 10_000 };
    // The debug line "retrying …" is written once the client has taken the 429 in.
    let retrying = false;
    const clerk = new ClerkCore({
      fetch: simulatedFetch,
      serverUrl: server.url,
      debugLogger: logTo({ debug: (line: string) => void (retrying ||= line.includes("retrying")) }),
    });
    // Use up the window, then one call is refused and learns when to come back.
    for (let i = 0; i < 5; i++) expect((await usersList(clerk)).ok).toBe(true);
    const first = usersList(clerk);
    await runSimulated(
      new Promise<void>((resolve) => {
        const check = () => (retrying ? resolve() : setImmediate(check));
        check();
      }),
    );
    expect(server.refused()).toBe(1);
    const refusedAt = server.served.find((s) => s.status === 429)!.at;
    const retryAfterMs = Math.ceil((Math.floor(refusedAt / 10_000) * 10_000 + 10_000 - refusedAt) / 1000) * 1000;
    // Calls started after the 429 send nothing until Retry-After has passed.
    const others = Array.from({ length: 4 }, () => usersList(clerk));
    const results = await runSimulated(Promise.all([first, ...others]));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.refused()).toBe(1);
    const after = server.served.slice(6);
    expect(after).toHaveLength(5);
    for (const s of after) expect(s.at).toBeGreaterThanOrEqual(refusedAt + retryAfterMs);
  });

  it("a refused call that gives up (strategy none) pauses nothing: the next call is sent at once", async () => {
    server.limit = { requests: 1, perMs: 10_000 };
    const clerk = new ClerkCore({ fetch: simulatedFetch, serverUrl: server.url, retryConfig: { strategy: "none" } });
    expect((await usersList(clerk)).ok).toBe(true);
    const refused = await usersList(clerk);
    expect(refused.error?.name).toBe("ClerkErrors");
    expect(server.refused()).toBe(1);
    // Sent without waiting (the clock has not moved), so the server refuses it too.
    const res = await usersList(clerk);
    expect(res.error?.name).toBe("ClerkErrors");
    expect(server.refused()).toBe(2);
  });
});
