import { describe, expect, it } from "vitest";
import { backoffDelay, nextRetryDelay, parseRetryAfter, sleep } from "../../src/retries/index.js";
import type { RetryConfig } from "../../src/retries/index.js";

const backoff = { initialInterval: 500, maxInterval: 60_000, exponent: 1.5, maxElapsedTime: 3_600_000 };
const config: RetryConfig = { strategy: "backoff", backoff, retryConnectionErrors: true };

describe("backoffDelay", () => {
  it("grows by the exponent with equal jitter and never exceeds maxInterval", () => {
    expect(backoffDelay(1, backoff, () => 0)).toBe(250);
    expect(backoffDelay(1, backoff, () => 1)).toBe(500);
    expect(backoffDelay(3, backoff, () => 1)).toBe(1125);
    for (let retry = 1; retry < 60; retry++)
      expect(backoffDelay(retry, backoff, () => 0.999)).toBeLessThanOrEqual(60_000);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, ignores garbage", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(" 0 ")).toBe(0);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter("-1")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it("accepts only RFC 9110 forms: digits or one of the three HTTP-date forms", () => {
    const now = Date.parse("1994-11-06T08:49:30Z");
    expect(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Sun Nov  6 08:49:37 1994", now)).toBe(7000);
    for (const loose of [
      "a 5",
      "5 a",
      "1.5",
      "+5",
      "0x10",
      "5s",
      "Nov 6 1994",
      "2026-01-01T00:00:00Z",
      "Sun, 06 Nov 1994 08:49:37",
    ]) {
      expect(parseRetryAfter(loose, now), loose).toBeUndefined();
    }
  });

  it("reads a date of the HTTP-date shape that Date.parse understands (a one-digit day, a 2-digit year)", () => {
    const now = Date.parse("1994-11-06T08:49:30Z");
    expect(parseRetryAfter("Sun, 6 Nov 1994 08:49:37 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Sun, 06 Nov 94 08:49:37 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Sun, 32 Nov 1994 08:49:37 GMT", now)).toBeUndefined();
  });
});

describe("nextRetryDelay: no duplicated writes by default", () => {
  const status = (s: number, retryAfterMs?: number) => ({ kind: "status" as const, status: s, retryAfterMs });
  const refused = { kind: "connection" as const, notSent: true };
  const reset = { kind: "connection" as const, notSent: false };
  const timeout = { kind: "timeout" as const };
  const r = () => 0.5;

  it("idempotent methods retry 5XX, 429, connection errors and timeouts", () => {
    for (const m of ["GET", "HEAD", "PUT", "DELETE"]) {
      for (const f of [status(500), status(503), status(429), refused, reset, timeout])
        expect(nextRetryDelay(config, m, f, 1, 0, r)).toBe(375);
      for (const f of [status(400), status(404), status(422), status(409)])
        expect(nextRetryDelay(config, m, f, 1, 0, r)).toBeUndefined();
    }
  });

  it("POST and PATCH retry only refused connections and 429/503 with Retry-After", () => {
    for (const m of ["POST", "PATCH"]) {
      expect(nextRetryDelay(config, m, status(500), 1, 0, r)).toBeUndefined();
      expect(nextRetryDelay(config, m, status(503), 1, 0, r)).toBeUndefined();
      expect(nextRetryDelay(config, m, status(429), 1, 0, r)).toBeUndefined();
      expect(nextRetryDelay(config, m, reset, 1, 0, r)).toBeUndefined();
      expect(nextRetryDelay(config, m, timeout, 1, 0, r)).toBeUndefined();
      expect(nextRetryDelay(config, m, refused, 1, 0, r)).toBe(375);
      expect(nextRetryDelay(config, m, status(429, 2000), 1, 0, r)).toBe(2000);
      // Retry-After: 0 is a floor, not "at once": the backoff still applies.
      expect(nextRetryDelay(config, m, status(503, 0), 1, 0, r)).toBe(375);
      expect(nextRetryDelay({ ...config, retryNonIdempotent: true }, m, status(500), 1, 0, r)).toBe(375);
      expect(nextRetryDelay({ ...config, retryNonIdempotent: true }, m, reset, 1, 0, r)).toBe(375);
    }
  });

  it("statusCodes widens or narrows the retried statuses; 429 always counts", () => {
    const custom: RetryConfig = { ...config, statusCodes: [408, "5XX"] };
    expect(nextRetryDelay(custom, "GET", status(408), 1, 0, r)).toBe(375);
    const only502: RetryConfig = { ...config, statusCodes: [502] };
    expect(nextRetryDelay(only502, "GET", status(500), 1, 0, r)).toBeUndefined();
    expect(nextRetryDelay(only502, "GET", status(429), 1, 0, r)).toBe(375);
  });

  it("Retry-After beyond maxInterval or past maxElapsedTime stops", () => {
    expect(nextRetryDelay(config, "GET", status(429, 61_000), 1, 0, r)).toBeUndefined();
    expect(nextRetryDelay(config, "GET", status(500), 1, 3_599_900, r)).toBeUndefined();
    expect(nextRetryDelay({ strategy: "none" }, "GET", status(500), 1, 0, r)).toBeUndefined();
  });

  it("Retry-After is a floor over the backoff, never below it", () => {
    // Retry 5 of the default policy backs off 1266..2531 ms: a shorter Retry-After does not shorten it.
    for (const retryAfterMs of [0, 100, 1000])
      expect(nextRetryDelay(config, "GET", status(429, retryAfterMs), 5, 0, () => 0)).toBe(1266);
    expect(nextRetryDelay(config, "GET", status(429, 30_000), 5, 0, () => 0)).toBe(30_000);
  });

  it("Retry-After is ignored on statuses other than 429/503", () => {
    expect(nextRetryDelay(config, "GET", status(500, 9_000), 1, 0, r)).toBe(375);
  });
});

describe("sleep", () => {
  it("resolves false at once when aborted, true when the time passes", async () => {
    expect(await sleep(1, undefined)).toBe(true);
    expect(await sleep(60_000, AbortSignal.abort())).toBe(false);
    const c = new AbortController();
    const pending = sleep(60_000, c.signal);
    c.abort();
    expect(await pending).toBe(false);
  });
});
