import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClerkCore, logTo, withHooks } from "../../src/core.js";
import type { HookContext } from "../../src/lib/hooks.js";
import { sendJson, startHttpServer } from "../support/http-server.js";
import type { TestServer } from "../support/http-server.js";
import { wireUser } from "../support/builders.js";
import { usersGet } from "./support/ops.js";

let server: TestServer;
beforeAll(async () => {
  let flaky = 0;
  server = await startHttpServer((s, res) =>
    s.target.includes("flaky") && flaky++ % 2 === 0
      ? sendJson(res, 503, {})
      : sendJson(res, 200, wireUser({ id: s.headers["x-hooked"] ?? "user_1" })),
  );
});
afterAll(() => server.close());

const fast = {
  strategy: "backoff",
  backoff: { initialInterval: 5, maxInterval: 10, exponent: 1, maxElapsedTime: 2_000 },
} as const;

describe("hooks", () => {
  it("beforeRequest can replace the Request; afterSuccess can replace the Response", async () => {
    const contexts: HookContext[] = [];
    const clerk = new ClerkCore({
      serverUrl: server.url,
      hooks: withHooks({
        beforeRequest(ctx, request) {
          contexts.push(ctx);
          const headers = new Headers(request.headers);
          headers.set("x-hooked", "from_hook");
          return new Request(request, { headers });
        },
        async afterSuccess(_ctx, response) {
          const body = await response.clone().json();
          return new Response(JSON.stringify({ ...body, first_name: "Replaced" }), {
            status: response.status,
            headers: response.headers,
          });
        },
      }),
    });
    const res = await usersGet(clerk, { userId: "u" });
    expect(res.ok && res.value.id).toBe("from_hook");
    expect(res.ok && res.value.firstName).toBe("Replaced");
    expect(contexts).toEqual([{ operationId: "GetUser", method: "GET", url: `${server.url}/users/u`, attempt: 1 }]);
  });

  it("async hooks that return nothing leave the Request and Response as they were", async () => {
    const clerk = new ClerkCore({
      serverUrl: server.url,
      hooks: withHooks({ beforeRequest: async () => undefined, afterSuccess: async () => undefined }),
    });
    const res = await usersGet(clerk, { userId: "u" });
    expect(res.ok && res.value.id).toBe("user_1");
  });

  it("afterError sees every failed attempt, including retried ones", async () => {
    const seen: [number, number | null][] = [];
    const clerk = new ClerkCore({
      serverUrl: server.url,
      retryConfig: fast,
      hooks: withHooks({ afterError: (ctx, response) => void seen.push([ctx.attempt, response?.status ?? null]) }),
    });
    const res = await usersGet(clerk, { userId: "flaky" });
    expect(res.ok).toBe(true);
    expect(seen).toEqual([[1, 503]]);
  });

  it("afterError gets the transport error when there is no response", async () => {
    const errors: unknown[] = [];
    const clerk = new ClerkCore({
      serverUrl: "http://127.0.0.1:9",
      retryConfig: { strategy: "none" },
      fetch: () => Promise.reject(new TypeError("fetch failed")),
      hooks: withHooks({ afterError: (_ctx, response, error) => void errors.push([response, (error as Error).name]) }),
    });
    const res = await usersGet(clerk, { userId: "u" });
    expect(res.error?.name).toBe("ConnectionError");
    expect(errors).toEqual([[null, "ConnectionError"]]);
  });

  it("afterError sees a non-2xx response once, even when its body then breaks off", async () => {
    const broken = await startHttpServer((_s, res) => {
      res.writeHead(500, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"errors": [');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    try {
      const seen: [number | null, string | null][] = [];
      const clerk = new ClerkCore({
        serverUrl: broken.url,
        retryConfig: { strategy: "none" },
        hooks: withHooks({
          afterError: (_ctx, response, error) =>
            void seen.push([response?.status ?? null, error ? (error as Error).name : null]),
        }),
      });
      const res = await usersGet(clerk, { userId: "u" });
      expect(res.error?.name).toBe("ConnectionError");
      expect(seen).toEqual([[500, null]]);
    } finally {
      await broken.close();
    }
  });

  it("a beforeRequest that returns something other than a Request is UnexpectedClientError, nothing sent", async () => {
    const before = server.seen.length;
    const clerk = new ClerkCore({
      serverUrl: server.url,
      hooks: withHooks({ beforeRequest: () => ({ url: server.url }) as unknown as Request }),
    });
    const res = await usersGet(clerk, { userId: "u" });
    expect(res.error?.name).toBe("UnexpectedClientError");
    expect(res.error?.message).toBe(
      "Unexpected failure in GetUser: hooks.beforeRequest returned something that is not a Request",
    );
    expect(server.seen.length).toBe(before);
  });

  it("withHooks called without an object (from JavaScript) makes hooks that do nothing", async () => {
    for (const nothing of [undefined, null]) {
      const clerk = new ClerkCore({ serverUrl: server.url, hooks: withHooks(nothing as never) });
      const res = await usersGet(clerk, { userId: "u" });
      expect(res.ok && res.value.id).toBe("user_1");
    }
  });

  it("a plain object of hooks (the API before withHooks) is an InvalidRequestError, nothing sent", async () => {
    let sent = 0;
    let called = 0;
    const clerk = new ClerkCore({
      serverUrl: server.url,
      fetch: (input, init) => (sent++, fetch(input, init)),
      hooks: { beforeRequest: () => void called++ } as never,
    });
    const result = await usersGet(clerk, { userId: "u" });
    expect(result.error?.name).toBe("InvalidRequestError");
    expect(result.error?.message).toContain("hooks: must be made by withHooks()");
    expect([sent, called]).toEqual([0, 0]);
  });

  it("a custom fetch is used underneath, with the final URL and headers", async () => {
    const calls: string[] = [];
    const clerk = new ClerkCore({
      serverUrl: server.url,
      bearerAuth: "sk_test_fetch",
      fetch: (input, init) => {
        calls.push(
          `${init?.method} ${typeof input === "string" ? input : input instanceof URL ? input.href : input.url}`,
        );
        return fetch(input, init);
      },
    });
    expect((await usersGet(clerk, { userId: "u" })).ok).toBe(true);
    expect(calls).toEqual([`GET ${server.url}/users/u`]);
  });

  it("a throwing debug logger does not break the call", async () => {
    const clerk = new ClerkCore({
      serverUrl: server.url,
      debugLogger: logTo({
        log: () => {
          throw new Error("logger down");
        },
      }),
    });
    expect((await usersGet(clerk, { userId: "u" })).ok).toBe(true);
  });

  it("a writer given directly as debugLogger (the API before logTo) is an InvalidRequestError, nothing sent", async () => {
    let sent = 0;
    const lines: string[] = [];
    const clerk = new ClerkCore({
      serverUrl: server.url,
      fetch: (input, init) => (sent++, fetch(input, init)),
      debugLogger: { debug: (line: string) => lines.push(line) } as never,
    });
    const result = await usersGet(clerk, { userId: "u" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.name).toBe("InvalidRequestError");
    expect(result.error.message).toContain("debugLogger: must be made by logTo()");
    expect(sent).toBe(0);
    expect(lines).toEqual([]);
  });

  it("debug lines show method, URL, status, attempt and timing", async () => {
    const lines: string[] = [];
    const clerk = new ClerkCore({
      serverUrl: server.url,
      bearerAuth: "sk_test_logged_key",
      retryConfig: fast,
      debugLogger: logTo({ log: (l: unknown) => lines.push(String(l)) }),
    });
    await usersGet(clerk, { userId: "flaky" });
    expect(
      lines.some((l) =>
        /→ GET http:\/\/127\.0\.0\.1:\d+\/users\/flaky \(GetUser, attempt 1\) .*clerk-api-version: 2026-05-12/.test(l),
      ),
    ).toBe(true);
    expect(lines.some((l) => /← 503 GET .*flaky in \d+ ms \(attempt 1\)/.test(l))).toBe(true);
    expect(lines.some((l) => /retrying GET .* in \d+ ms/.test(l))).toBe(true);
    expect(lines.some((l) => /← 200 GET .*\(attempt 2\)/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes("authorization: [redacted]"))).toBe(true);
    expect(lines.join("\n")).not.toContain("sk_test_logged_key");
  });
});
