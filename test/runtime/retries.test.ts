import { afterEach, describe, expect, it } from "vitest";
import { ClerkCore, withHooks } from "../../src/core.js";
import { APIError, ClerkErrors, ConnectionError, RequestAbortedError } from "../../src/errors/index.js";
import type { RetryConfig } from "../../src/retries/index.js";
import { closedPortUrl, sendJson, startHttpServer } from "../support/http-server.js";
import type { TestServer } from "../support/http-server.js";
import { wireUser } from "../support/builders.js";
import { usersCreate, usersDelete, usersGet, usersSetProfileImage } from "./support/ops.js";

// Small intervals keep the suite fast; only the Retry-After test waits ~1 s.
const FAST: RetryConfig = {
  strategy: "backoff",
  backoff: { initialInterval: 20, maxInterval: 200, exponent: 2, maxElapsedTime: 5_000 },
  retryConnectionErrors: true,
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const core = (url: string, retryConfig: RetryConfig = FAST) =>
  new ClerkCore({ serverUrl: url, bearerAuth: "sk_test_retry", retryConfig });
const clerkError = { errors: [{ code: "server_error", message: "oops" }] };

describe("retries", () => {
  it("503 then 200 succeeds on the second attempt", async () => {
    server = await startHttpServer((_s, res, i) =>
      i === 0 ? sendJson(res, 503, clerkError) : sendJson(res, 200, wireUser()),
    );
    const res = await usersGet(core(server.url), { userId: "u" });
    expect(res.ok).toBe(true);
    expect(server.seen).toHaveLength(2);
  });

  it("GET is retried on 500/502/504 until it succeeds", async () => {
    server = await startHttpServer((_s, res, i) =>
      i < 3 ? sendJson(res, [500, 502, 504][i]!, {}) : sendJson(res, 200, wireUser()),
    );
    const res = await usersGet(core(server.url), { userId: "u" });
    expect(res.ok).toBe(true);
    expect(server.seen).toHaveLength(4);
  });

  it("4xx other than 429 is not retried", async () => {
    server = await startHttpServer((_s, res) =>
      sendJson(res, 422, { errors: [{ code: "form_param_invalid", message: "bad" }] }),
    );
    const res = await usersGet(core(server.url), { userId: "u" });
    expect(res.error).toBeInstanceOf(ClerkErrors);
    expect(server.seen).toHaveLength(1);
  });

  it("429 with Retry-After: 1 waits about a second before the next attempt", async () => {
    server = await startHttpServer((_s, res, i) =>
      i === 0
        ? sendJson(res, 429, { errors: [{ code: "too_many_requests", message: "slow" }] }, { "retry-after": "1" })
        : sendJson(res, 200, wireUser()),
    );
    const res = await usersGet(
      core(server.url, { ...FAST, backoff: { ...FAST.backoff, maxInterval: 5_000 } } as RetryConfig),
      { userId: "u" },
    );
    expect(res.ok).toBe(true);
    expect(server.seen).toHaveLength(2);
    const gap = server.seen[1]!.at - server.seen[0]!.at;
    expect(gap).toBeGreaterThan(900); // loose: the header asked for 1 s, backoff alone would be ≤ 200 ms
  });

  it("a Retry-After longer than maxInterval ends the loop and reports retryAfterMs", async () => {
    server = await startHttpServer((_s, res) => sendJson(res, 429, {}, { "retry-after": "30" }));
    const res = await usersGet(core(server.url), { userId: "u" });
    expect(res.error).toBeInstanceOf(APIError);
    expect((res.error as APIError).retryAfterMs).toBe(30_000);
    expect(server.seen).toHaveLength(1);
  });

  it("POST on 500 is not retried by default", async () => {
    server = await startHttpServer((_s, res) => sendJson(res, 500, clerkError));
    const res = await usersCreate(core(server.url), { requestBody: { firstName: "A" } });
    expect(res.error).toBeInstanceOf(ClerkErrors);
    expect(server.seen).toHaveLength(1);
  });

  it("POST on 500 is retried when the caller opts in with retryNonIdempotent", async () => {
    server = await startHttpServer((_s, res, i) =>
      i < 2 ? sendJson(res, 500, clerkError) : sendJson(res, 200, wireUser()),
    );
    const res = await usersCreate(
      core(server.url),
      { requestBody: { firstName: "A" } },
      { retries: { ...FAST, retryNonIdempotent: true } },
    );
    expect(res.ok).toBe(true);
    expect(server.seen).toHaveLength(3);
    // the replayed body is identical each time
    expect(new Set(server.seen.map((s) => s.body.toString())).size).toBe(1);
  });

  it("POST on 503 with Retry-After is retried (the server refused it)", async () => {
    server = await startHttpServer((_s, res, i) =>
      i === 0 ? sendJson(res, 503, clerkError, { "retry-after": "0" }) : sendJson(res, 200, wireUser()),
    );
    const res = await usersCreate(core(server.url), { requestBody: { firstName: "A" } });
    expect(res.ok).toBe(true);
    expect(server.seen).toHaveLength(2);
  });

  it("POST on 503 without Retry-After is not retried", async () => {
    server = await startHttpServer((_s, res) => sendJson(res, 503, clerkError));
    await usersCreate(core(server.url), { requestBody: { firstName: "A" } });
    expect(server.seen).toHaveLength(1);
  });

  it("connection refused is retried for POST too (nothing was sent), until maxElapsedTime", async () => {
    const attempts: number[] = [];
    const url = await closedPortUrl();
    const c = new ClerkCore({
      serverUrl: url,
      retryConfig: { ...FAST, backoff: { initialInterval: 10, maxInterval: 40, exponent: 2, maxElapsedTime: 300 } },
      hooks: withHooks({ beforeRequest: (ctx) => void attempts.push(ctx.attempt) }),
    });
    const res = await usersCreate(c, { requestBody: { firstName: "A" } });
    expect(res.error).toBeInstanceOf(ConnectionError);
    expect(attempts.length).toBeGreaterThan(2);
    expect(attempts).toEqual(attempts.map((_, i) => i + 1));
  });

  it("retryConnectionErrors: false stops at the first connection error", async () => {
    let calls = 0;
    const c = new ClerkCore({
      serverUrl: await closedPortUrl(),
      retryConfig: { ...FAST, retryConnectionErrors: false },
      hooks: withHooks({ beforeRequest: () => void calls++ }),
    });
    expect((await usersGet(c, { userId: "u" })).error).toBeInstanceOf(ConnectionError);
    expect(calls).toBe(1);
  });

  it("maxElapsedTime stops a loop against a server that always fails", async () => {
    server = await startHttpServer((_s, res) => sendJson(res, 500, clerkError));
    const started = Date.now();
    const res = await usersDelete(
      core(server.url, {
        strategy: "backoff",
        backoff: { initialInterval: 50, maxInterval: 100, exponent: 1, maxElapsedTime: 400 },
      }),
      {
        userId: "u",
      },
    );
    expect(res.error).toBeInstanceOf(ClerkErrors);
    expect(server.seen.length).toBeGreaterThan(1);
    expect(server.seen.length).toBeLessThan(20);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("strategy none sends exactly once", async () => {
    server = await startHttpServer((_s, res) => sendJson(res, 503, clerkError));
    await usersGet(core(server.url, { strategy: "none" }), { userId: "u" });
    expect(server.seen).toHaveLength(1);
  });

  it("an abort during the backoff wait ends the call at once", async () => {
    server = await startHttpServer((_s, res) => sendJson(res, 503, clerkError));
    const controller = new AbortController();
    const slow: RetryConfig = {
      strategy: "backoff",
      backoff: { initialInterval: 30_000, maxInterval: 30_000, exponent: 1, maxElapsedTime: 600_000 },
    };
    const pending = usersGet(core(server.url, slow), { userId: "u" }, { signal: controller.signal });
    while (server.seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    const abortedAt = Date.now();
    controller.abort();
    const res = await pending;
    expect(res.error).toBeInstanceOf(RequestAbortedError);
    expect(Date.now() - abortedAt).toBeLessThan(1_000); // the 15–30 s wait was cut short
    expect(server.seen).toHaveLength(1);
  });

  it("a streamed upload is sent once, never replayed", async () => {
    server = await startHttpServer((_s, res) => sendJson(res, 503, clerkError, { "retry-after": "0" }));
    const stream = new Blob([new Uint8Array([1, 2, 3])]).stream();
    await usersSetProfileImage(core(server.url, { ...FAST, retryNonIdempotent: true }), {
      userId: "u",
      requestBody: { file: stream },
    });
    expect(server.seen).toHaveLength(1);
  });

  it("the bearer provider is asked again on every attempt", async () => {
    let n = 0;
    server = await startHttpServer((_s, res, i) =>
      i === 0 ? sendJson(res, 503, clerkError) : sendJson(res, 200, wireUser()),
    );
    const c = new ClerkCore({
      serverUrl: server.url,
      retryConfig: FAST,
      bearerAuth: async () => `sk_test_rotating_${++n}`,
    });
    await usersGet(c, { userId: "u" });
    expect(server.seen.map((s) => s.headers.authorization)).toEqual([
      "Bearer sk_test_rotating_1",
      "Bearer sk_test_rotating_2",
    ]);
  });
});
