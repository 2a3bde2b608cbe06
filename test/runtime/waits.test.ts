// Every wait ends (issue 22, items 2, 3, 4 and 7): the shared 429 pause, the
// values and long windows of `rateLimit`, a custom limiter's acquire, and map
// keys in the debug log. Each wait runs over a real node:http server on
// 127.0.0.1 and over the in-process clerk-fn/testing fake (`fake.fetch`, where
// a loop of resolved promises would starve every timer). No test measures
// time: a call that would hang is caught by a generous bound (`within`), and
// long waits run on simulated time.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ClerkCore, logTo, slidingWindow } from "../../src/core.js";
import type { ClerkCoreOptions, RateLimit, RateLimiter } from "../../src/core.js";
import { InvalidRequestError } from "../../src/errors/index.js";
import { directoriesGet } from "../../src/funcs/directoriesGet.js";
import type { RetryConfig } from "../../src/retries/index.js";
import { createClerkFake } from "../../src/testing/index.js";
import { wireUser } from "../support/builders.js";
import { sendJson, startHttpServer } from "../support/http-server.js";
import { usersList } from "./support/ops.js";

// What one timer can hold; a longer setTimeout fires after 1 ms.
const MAX_TIMER = 2 ** 31 - 1;
const DAY = 86_400_000;

interface Opened {
  readonly clerk: ClerkCore;
  /** How many requests reached the server. */
  sent(): number;
}

interface Wire {
  readonly name: string;
  /** Whether it can send Retry-After as an HTTP date (the fake sends seconds). */
  readonly dates: boolean;
  /** A core on this wire. With `retryAfter`, the first request is answered 429 with that Retry-After; the others 200. */
  open(options?: ClerkCoreOptions, retryAfter?: string): Promise<Opened>;
}

const tooMany = { errors: [{ code: "too_many_requests", message: "Too many requests" }] };
let closeServers: (() => Promise<void>)[] = [];
// Aborted after each test: ends any call a failing test left waiting.
let cleanup = new AbortController();

const wires: Wire[] = [
  {
    name: "127.0.0.1",
    dates: true,
    async open(options, retryAfter) {
      const server = await startHttpServer((_seen, res, index) =>
        index === 0 && retryAfter !== undefined
          ? sendJson(res, 429, tooMany, { "retry-after": retryAfter })
          : sendJson(res, 200, [wireUser()]),
      );
      closeServers.push(() => server.close());
      const clerk = new ClerkCore({ serverUrl: server.url, bearerAuth: "sk_test_waits", ...options });
      return { clerk, sent: () => server.seen.length };
    },
  },
  {
    name: "fake.fetch",
    dates: false,
    async open(options, retryAfter) {
      const fake = createClerkFake();
      if (retryAfter !== undefined) fake.failNext({ status: 429, retryAfterSeconds: Number(retryAfter) });
      const clerk = new ClerkCore({
        bearerAuth: fake.secretKey,
        serverUrl: fake.serverUrl,
        fetch: fake.fetch,
        ...options,
      });
      return { clerk, sent: () => fake.requests.length };
    },
  },
];

afterEach(async () => {
  cleanup.abort(new Error("test over"));
  cleanup = new AbortController();
  // In this order: a spy on faked timers restores the faked setTimeout, which useRealTimers then replaces.
  vi.restoreAllMocks();
  vi.useRealTimers();
  await Promise.all(closeServers.map((close) => close()));
  closeServers = [];
});

/** `work`'s value, or "hung" if it has not settled after `ms` (far more than a call that ends needs). */
async function within<T>(work: Promise<T>, ms = 5_000): Promise<T | "hung"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<"hung">((resolve) => (timer = setTimeout(resolve, ms, "hung")));
  try {
    return await Promise.race([work, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** Records every delay given to setTimeout and every TimeoutOverflowWarning from now on. */
function watchTimers(): { delays: number[]; overflows: string[] } {
  const delays: number[] = [];
  const overflows: string[] = [];
  const real = globalThis.setTimeout;
  vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, ms?: number, ...args: unknown[]) => {
    delays.push(ms ?? 0);
    return real(fn, ms, ...args);
  }) as typeof setTimeout);
  const onWarning = (warning: Error) =>
    void (warning.name === "TimeoutOverflowWarning" && overflows.push(warning.message));
  process.on("warning", onWarning);
  closeServers.push(async () => void process.off("warning", onWarning));
  return { delays, overflows };
}

/** A real-time pause long enough for a spinning loop to show itself (a few hundred 1 ms timers). */
const aWhile = () => new Promise((resolve) => setTimeout(resolve, 200));

// Retries that wait out any Retry-After up to 1,000 years.
const PATIENT: RetryConfig = {
  strategy: "backoff",
  backoff: { initialInterval: 10, maxInterval: 1_000 * 365 * DAY, exponent: 2, maxElapsedTime: 2_000 * 365 * DAY },
};

describe.each(wires)("the shared 429 pause, over $name", (wire) => {
  const retryAfters = ["3600", "999999999", ...(wire.dates ? ["Fri, 31 Dec 9999 23:59:59 GMT"] : [])];

  it.each(retryAfters)(
    "a refused call that gives up (Retry-After: %s, above maxInterval) pauses no other call",
    async (retryAfter) => {
      const { overflows } = watchTimers();
      const { clerk, sent } = await wire.open({}, retryAfter);
      const refused = await usersList(clerk, {}, { signal: cleanup.signal });
      expect(refused.error?.name).toBe("ClerkErrors");
      expect((refused.error as { retryAfterMs?: number }).retryAfterMs).toBeGreaterThan(60_000);
      // The next call is sent at once: it does not sit out an hour (or 31 years) for nothing.
      const next = await within(usersList(clerk, {}, { signal: cleanup.signal }));
      expect(next).not.toBe("hung");
      expect(next).toMatchObject({ ok: true });
      expect(sent()).toBe(2);
      expect(overflows).toEqual([]);
    },
  );

  it("a call that gives up (strategy none) pauses no other call either", async () => {
    const { clerk, sent } = await wire.open({ retryConfig: { strategy: "none" } }, "30");
    expect((await usersList(clerk)).error?.name).toBe("ClerkErrors");
    expect(await within(usersList(clerk, {}, { signal: cleanup.signal }))).toMatchObject({ ok: true });
    expect(sent()).toBe(2);
  });

  it("timeoutMs bounds a wait under another call's pause, and the caller's signal ends it at once", async () => {
    // The refused call waits out Retry-After: 30 (its maxInterval is 60 s), so the pause stands.
    const { clerk, sent } = await wire.open({}, "30");
    const refused = usersList(clerk, {}, { signal: cleanup.signal });
    while (sent() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await aWhile();

    const timedOut = await within(usersList(clerk, {}, { timeoutMs: 100, retries: { strategy: "none" } }));
    expect(timedOut).not.toBe("hung");
    expect((timedOut as { error?: Error }).error?.name).toBe("RequestTimeoutError");

    const controller = new AbortController();
    const aborted = usersList(clerk, {}, { signal: controller.signal });
    await aWhile();
    controller.abort(new Error("enough"));
    expect((await within(aborted)) as unknown).toMatchObject({ ok: false, error: { name: "RequestAbortedError" } });

    // Neither sent anything: the pause held them back.
    expect(sent()).toBe(1);
    cleanup.abort();
    expect((await refused).error?.name).toBe("RequestAbortedError");
  });

  it("a Retry-After beyond what a timer holds is waited out by chained timers: no overflow, no spin", async () => {
    const { delays, overflows } = watchTimers();
    const { clerk, sent } = await wire.open({ retryConfig: PATIENT }, "999999999");
    const refused = usersList(clerk, {}, { signal: cleanup.signal });
    // Start the second call once the refused one sleeps (its long timer is armed, so the
    // pause stands): sent() === 1 alone came too early on a loaded machine, before the 429 was read.
    while (!delays.some((ms) => ms >= MAX_TIMER)) await new Promise((resolve) => setTimeout(resolve, 5));
    const waiting = usersList(clerk, {}, { signal: cleanup.signal });
    await aWhile();
    expect(sent()).toBe(1);
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_TIMER);
    expect(overflows).toEqual([]);
    // A spinning loop would have armed a timer every millisecond.
    expect(delays.filter((ms) => ms === MAX_TIMER).length).toBeLessThanOrEqual(2);
    cleanup.abort();
    const [first, second] = await Promise.all([within(refused), within(waiting)]);
    expect(first).toMatchObject({ ok: false, error: { name: "RequestAbortedError" } });
    expect(second).toMatchObject({ ok: false, error: { name: "RequestAbortedError" } });
  });
});

describe.each(wires)("rateLimit values, over $name", (wire) => {
  const invalid: [string, unknown, string][] = [
    ["a fraction of requests", { requests: 100 / 3, perMs: 1000 }, "rateLimit.requests"],
    ["requests 0", { requests: 0, perMs: 1000 }, "rateLimit.requests"],
    ["negative requests", { requests: -5, perMs: 1000 }, "rateLimit.requests"],
    ["requests NaN", { requests: NaN, perMs: 1000 }, "rateLimit.requests"],
    ["requests Infinity", { requests: Infinity, perMs: 1000 }, "rateLimit.requests"],
    ["perMs NaN", { requests: 5, perMs: NaN }, "rateLimit.perMs"],
    ["perMs missing", { requests: 5 }, "rateLimit.perMs"],
    ["a fraction of a millisecond", { requests: 5, perMs: 0.5 }, "rateLimit.perMs"],
    ["{}", {}, "rateLimit.requests"],
    ["a number", 100, "rateLimit.requests"],
  ];

  it.each(invalid)("%s makes every call InvalidRequestError, nothing sent", async (_what, rateLimit, key) => {
    const { clerk, sent } = await wire.open({ rateLimit: slidingWindow(rateLimit as RateLimit) });
    for (let i = 0; i < 3; i++) {
      const res = await within(usersList(clerk, {}, { signal: cleanup.signal }));
      expect(res).toMatchObject({ ok: false });
      const error = (res as { error: InvalidRequestError }).error;
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.issues[0]?.path?.[0]?.key).toBe(key);
      expect(error.message).toContain(key);
    }
    expect(sent()).toBe(0);
  });

  it.each([
    ["the 0.1 form { requests, perMs } given directly", { requests: 100, perMs: 10_000 }],
    ["an acquire that is not a function", { acquire: "yes" }],
  ])("%s: every call InvalidRequestError on rateLimit naming slidingWindow, nothing sent", async (_what, rateLimit) => {
    const { clerk, sent } = await wire.open({ rateLimit: rateLimit as unknown as RateLimiter });
    const res = await within(usersList(clerk, {}, { signal: cleanup.signal }));
    const error = (res as { error: InvalidRequestError }).error;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.issues[0]?.path?.[0]?.key).toBe("rateLimit");
    expect(error.message).toContain("rateLimit: must be a limiter, e.g. slidingWindow()");
    expect(sent()).toBe(0);
  });

  it("whole numbers still pace the calls", async () => {
    const { clerk, sent } = await wire.open({ rateLimit: slidingWindow({ requests: 2, perMs: 60_000 }) });
    expect((await usersList(clerk)).ok).toBe(true);
    expect((await usersList(clerk)).ok).toBe(true);
    const third = usersList(clerk, {}, { signal: cleanup.signal });
    await aWhile();
    expect(sent()).toBe(2);
    cleanup.abort();
    expect((await third).error?.name).toBe("RequestAbortedError");
  });

  it("a window longer than a timer holds (a 30-day quota) neither overflows nor spins", async () => {
    const { delays, overflows } = watchTimers();
    const { clerk, sent } = await wire.open({ rateLimit: slidingWindow({ requests: 1, perMs: 30 * DAY }) });
    expect((await usersList(clerk)).ok).toBe(true);
    const second = usersList(clerk, {}, { signal: cleanup.signal });
    await aWhile();
    expect(sent()).toBe(1);
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_TIMER);
    expect(overflows).toEqual([]);
    expect(delays.filter((ms) => ms === MAX_TIMER).length).toBeLessThanOrEqual(1);
    cleanup.abort();
    expect(await within(second)).toMatchObject({ ok: false, error: { name: "RequestAbortedError" } });
  });
});

describe("a long rateLimit window on simulated time, over fake.fetch", () => {
  it("the second call of a 30-day quota starts 30 days after the first, not before", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: Date.UTC(2026, 0, 1) });
    const { delays } = watchTimersFaked();
    const fake = createClerkFake();
    const clerk = new ClerkCore({
      bearerAuth: fake.secretKey,
      serverUrl: fake.serverUrl,
      fetch: fake.fetch,
      rateLimit: slidingWindow({ requests: 1, perMs: 30 * DAY }),
    });
    expect((await usersList(clerk)).ok).toBe(true);
    let second: { ok: boolean } | undefined;
    void usersList(clerk).then((res) => (second = res));
    await vi.advanceTimersByTimeAsync(0);
    // Checked before moving the clock: an overflowing timer would fire every millisecond.
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_TIMER);
    await vi.advanceTimersByTimeAsync(MAX_TIMER);
    await vi.advanceTimersByTimeAsync(30 * DAY - MAX_TIMER - 1);
    expect(second).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(second).toMatchObject({ ok: true });
    expect(fake.requests).toHaveLength(2);
  });
});

/** watchTimers for fake timers: records the delays given to the faked setTimeout. */
function watchTimersFaked(): { delays: number[] } {
  const delays: number[] = [];
  const faked = globalThis.setTimeout;
  vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, ms?: number, ...args: unknown[]) => {
    delays.push(ms ?? 0);
    return faked(fn, ms, ...args);
  }) as typeof setTimeout);
  return { delays };
}

describe.each(wires)("a custom limiter's acquire, over $name", (wire) => {
  // Never settles, whatever its signal does.
  const deaf: RateLimiter = { acquire: () => new Promise<void>(() => {}) };
  // Rejects with the signal's reason when it aborts, as an AbortSignal-aware limiter does.
  const listening: RateLimiter = {
    acquire: (signal) =>
      new Promise<void>((_resolve, reject) => signal?.addEventListener("abort", () => reject(signal.reason))),
  };

  it("one that ignores its signal is abandoned when the caller aborts: RequestAbortedError, nothing sent", async () => {
    const { clerk, sent } = await wire.open({ rateLimit: deaf });
    const controller = new AbortController();
    const pending = usersList(clerk, {}, { signal: controller.signal });
    await aWhile();
    controller.abort(new Error("enough"));
    const res = await within(pending);
    expect(res).toMatchObject({ ok: false, error: { name: "RequestAbortedError" } });
    expect(((res as { error: Error }).error.cause as Error).message).toBe("enough");
    expect(sent()).toBe(0);
  });

  it("one that ignores its signal is abandoned when timeoutMs passes: RequestTimeoutError, nothing sent", async () => {
    const { clerk, sent } = await wire.open({ rateLimit: deaf, timeoutMs: 100, retryConfig: { strategy: "none" } });
    const res = await within(usersList(clerk, {}, { signal: cleanup.signal }));
    expect(res).toMatchObject({ ok: false, error: { name: "RequestTimeoutError", timeoutMs: 100 } });
    expect(sent()).toBe(0);
  });

  it("acquire always receives a signal, even when the caller passes none", async () => {
    const signals: unknown[] = [];
    const { clerk, sent } = await wire.open({ rateLimit: { acquire: async (signal) => void signals.push(signal) } });
    expect((await usersList(clerk)).ok).toBe(true);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toBeInstanceOf(AbortSignal);
    expect(sent()).toBe(1);
  });

  it("the signal aborts at timeoutMs; rejecting then gives RequestTimeoutError", async () => {
    const { clerk, sent } = await wire.open({
      rateLimit: listening,
      timeoutMs: 100,
      retryConfig: { strategy: "none" },
    });
    const res = await within(usersList(clerk));
    expect(res).toMatchObject({ ok: false, error: { name: "RequestTimeoutError" } });
    expect(sent()).toBe(0);
  });

  it("rejecting because the caller aborted gives RequestAbortedError, not UnexpectedClientError", async () => {
    const { clerk, sent } = await wire.open({ rateLimit: listening });
    const controller = new AbortController();
    const pending = usersList(clerk, {}, { signal: controller.signal });
    await aWhile();
    controller.abort(new Error("enough"));
    expect(await within(pending)).toMatchObject({ ok: false, error: { name: "RequestAbortedError" } });
    expect(sent()).toBe(0);
  });

  it("any other rejection is still UnexpectedClientError carrying it", async () => {
    const down = new Error("redis is down");
    const { clerk, sent } = await wire.open({ rateLimit: { acquire: () => Promise.reject(down) } });
    const res = await within(usersList(clerk, {}, { signal: new AbortController().signal, timeoutMs: 5_000 }));
    expect(res).toMatchObject({ ok: false, error: { name: "UnexpectedClientError" } });
    expect((res as { error: Error }).error.cause).toBe(down);
    expect(sent()).toBe(0);
  });
});

describe("the debug log names paths, never a map's keys (127.0.0.1)", () => {
  // A Directory (GetDirectory) whose attribute_mapping, a map of the customer's own keys, breaks
  // the model (a number where a string belongs), and whose `name` does too.
  const directory = {
    object: "directory",
    id: "dir_1",
    name: 42,
    endpoint_url: "https://scim.example.com",
    provider: "okta",
    enabled: true,
    group_role_mapping_enabled: false,
    attribute_mapping: { "ada.lovelace@example.com": 7, userName: "mail" },
    created_at: 1,
    updated_at: 2,
  };

  it("prints attribute_mapping.* where the key is the server's data, and the model's own keys as they are", async () => {
    const server = await startHttpServer((_seen, res) => sendJson(res, 200, directory));
    closeServers.push(() => server.close());
    const lines: string[] = [];
    const clerk = new ClerkCore({
      serverUrl: server.url,
      bearerAuth: "sk_test_waits",
      debugLogger: logTo({ debug: (line: string) => void lines.push(line) }),
    });
    const res = await directoriesGet(clerk, { directoryId: "dir_1" });
    expect(res.ok).toBe(true); // lenient: kept as sent
    const warning = lines.find((line) => line.includes("⚠"));
    expect(warning).toContain("breaks the spec at name, attribute_mapping.*;");
    expect(lines.join("\n")).not.toContain("ada.lovelace");
  });
});
