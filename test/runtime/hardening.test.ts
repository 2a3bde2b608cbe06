// Regression tests for the runtime against hostile servers and careless
// callers, one block per defect, each on a real node:http server on 127.0.0.1. Counts and generous bounds, no exact timings.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
// The Node entry of clerk-fn/core: its errors have the inspect view these tests check.
import { ClerkCore, logTo, withHooks } from "../../src/node/core.js";
import type { ClerkCoreOptions } from "../../src/core.js";
import {
  APIError,
  ClerkErrors,
  ConnectionError,
  InvalidRequestError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  UnexpectedClientError,
} from "../../src/errors/index.js";
import type { RetryConfig } from "../../src/retries/index.js";
import { sendJson, startHttpServer } from "../support/http-server.js";
import type { Handler, TestServer } from "../support/http-server.js";
import { wireUser } from "../support/builders.js";
import { usersCreate, usersDelete, usersGet, usersList } from "./support/ops.js";

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
const serve = async (handler: Handler) => {
  const server = await startHttpServer(handler);
  servers.push(server);
  return server;
};
const core = (options: ClerkCoreOptions) => new ClerkCore({ bearerAuth: "sk_test_hardening_key", ...options });
const never = () => new Promise<never>(() => {});
const tooMany = { errors: [{ code: "too_many_requests", message: "slow down" }] };

describe("1. Retry-After is a floor over the backoff", () => {
  // initialInterval 200: the backoff waits ≥ 100, 150, 225, … ms whatever Retry-After says.
  const policy: RetryConfig = {
    strategy: "backoff",
    backoff: { initialInterval: 200, maxInterval: 1_000, exponent: 1.5, maxElapsedTime: 60_000 },
    retryConnectionErrors: true,
  };
  for (const retryAfter of ["0", "a 5", "Wed, 21 Oct 2015 07:28:00 GMT"]) {
    for (const method of ["GET", "POST"]) {
      it(`${method} with 429 + Retry-After: ${retryAfter} backs off (a handful of requests in 1 s, not hundreds)`, async () => {
        const server = await serve((_s, res) => sendJson(res, 429, tooMany, { "retry-after": retryAfter }));
        const signal = AbortSignal.timeout(1_000);
        const clerk = core({ serverUrl: server.url, retryConfig: policy });
        const res =
          method === "GET"
            ? await usersGet(clerk, { userId: "u" }, { signal })
            : await usersCreate(clerk, { requestBody: { firstName: "A" } }, { signal });
        if (method === "POST" && retryAfter === "a 5") {
          // Not a valid Retry-After, so nothing proves the POST was refused: sent once (before the fix: ~400 times).
          expect(res.error).toBeInstanceOf(ClerkErrors);
          expect(server.seen).toHaveLength(1);
          return;
        }
        expect(res.error).toBeInstanceOf(RequestAbortedError);
        // Before the fix: ~400 requests in 1 s (no wait at all). Backoff alone allows ≤ 8.
        expect(server.seen.length).toBeGreaterThanOrEqual(2);
        expect(server.seen.length).toBeLessThanOrEqual(8);
      });
    }
  }
});

describe("2. client-side mistakes are reported, not retried", () => {
  it("a serverUrl that is not http(s), or holds credentials, is InvalidRequestError with nothing sent", async () => {
    const server = await serve((_s, res) => sendJson(res, 200, wireUser()));
    const cases: [ClerkCoreOptions, object | undefined, string][] = [
      [{ serverUrl: "htp://127.0.0.1:1" }, undefined, "serverUrl"],
      [{ serverUrl: "not a url" }, undefined, "serverUrl"],
      [{ serverUrl: server.url.replace("//", "//user:pw@") }, undefined, "serverUrl"],
      [{ serverUrl: server.url }, { serverUrl: "ftp://127.0.0.1/" }, "options.serverUrl"],
      [{ serverUrl: server.url }, { serverUrl: server.url.replace("//", "//user:hunter2@") }, "options.serverUrl"],
    ];
    for (const [options, callOptions, key] of cases) {
      const clerk = core(options); // never throws
      const res = await usersGet(clerk, { userId: "u" }, callOptions);
      expect(res.error).toBeInstanceOf(InvalidRequestError);
      expect((res.error as InvalidRequestError).issues[0]?.path?.[0]?.key).toBe(key);
      expect(res.error!.message).not.toContain("hunter2");
    }
    expect(server.seen).toHaveLength(0);
  });

  it("a custom fetch that throws a TypeError without a network cause is UnexpectedClientError, tried once", async () => {
    let calls = 0;
    const clerk = core({
      serverUrl: "http://127.0.0.1:9",
      fetch: () => {
        calls++;
        throw new TypeError("wrapper bug: x is not a function");
      },
    });
    const res = await usersGet(clerk, { userId: "u" });
    expect(res.error).toBeInstanceOf(UnexpectedClientError);
    expect(calls).toBe(1);
    // A TypeError with a network cause is still a ConnectionError.
    const refused = core({
      serverUrl: "http://127.0.0.1:9",
      retryConfig: { strategy: "none" },
      fetch: () =>
        Promise.reject(
          new TypeError("fetch failed", {
            cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
          }),
        ),
    });
    expect((await usersGet(refused, { userId: "u" })).error).toBeInstanceOf(ConnectionError);
  });

  it("timeoutMs of Infinity or ≥ 2^31 means no time limit; negative or NaN is InvalidRequestError", async () => {
    const server = await serve((_s, res) => setTimeout(() => sendJson(res, 200, wireUser()), 30));
    for (const timeoutMs of [Infinity, 2 ** 31, 2 ** 40, 0]) {
      const res = await usersGet(core({ serverUrl: server.url, timeoutMs }), { userId: "u" });
      expect(res.ok, String(timeoutMs)).toBe(true);
    }
    expect(server.seen).toHaveLength(4); // one attempt each: before the fix every attempt timed out after 1 ms
    for (const timeoutMs of [-1, NaN]) {
      expect((await usersGet(core({ serverUrl: server.url, timeoutMs }), { userId: "u" })).error).toBeInstanceOf(
        InvalidRequestError,
      );
      expect((await usersGet(core({ serverUrl: server.url }), { userId: "u" }, { timeoutMs })).error).toBeInstanceOf(
        InvalidRequestError,
      );
    }
    expect(server.seen).toHaveLength(4);
  });
});

describe("3. the key never reaches a message, inspect output, toJSON or log line", () => {
  const keys = ["sk_test_Zm9vYmFyYmF6cXV4c2VjcmV0a2V5MTIz", "opaque-token-0123456789abcdef"];
  const echoes: [string, (key: string) => Handler][] = [
    [
      "a 401 long_message",
      (key) => (_s, res) =>
        sendJson(res, 401, {
          errors: [{ code: "authentication_invalid", message: "bad", long_message: `key ${key} is invalid` }],
        }),
    ],
    [
      "an HTML proxy page",
      (key) => (_s, res) =>
        res.writeHead(502, { "content-type": "text/html" }).end(`<p>Authorization: Bearer ${key}</p>`),
    ],
    [
      "URL-encoded and glued to a letter",
      (key) => (_s, res) => res.writeHead(400).end(`Bearer%20${encodeURIComponent(key)} x${key} 9${key}`),
    ],
    ["a mistyped 200 field", (key) => (_s, res) => sendJson(res, 200, { id: 5, first_name: key })],
  ];
  for (const key of keys) {
    for (const [label, echo] of echoes) {
      it(`${label} echoing ${key.slice(0, 6)}…`, async () => {
        const server = await serve(echo(key));
        const lines: string[] = [];
        const clerk = core({
          serverUrl: server.url,
          bearerAuth: key,
          retryConfig: { strategy: "none" },
          debugLogger: logTo({ debug: (line: string) => lines.push(line) }),
        });
        // Strict mode, so the mistyped 200 is a ResponseValidationError whose text is checked too.
        const res = await usersGet(clerk, { userId: "u" }, { responseValidation: "strict" });
        expect(res.ok).toBe(false);
        for (const text of [
          res.error!.message,
          String(res.error!.stack),
          inspect(res.error),
          JSON.stringify(res.error),
          lines.join("\n"),
        ]) {
          expect(text).not.toContain(key);
          expect(text).not.toContain(encodeURIComponent(key));
        }
        // The raw body keeps what the server sent: the caller's own data, not a log line.
        if (res.error instanceof APIError) expect(res.error.body).toContain(key);
      });
    }
  }

  it("a CRLF in options.headers.authorization is InvalidRequestError without the key in it", async () => {
    const server = await serve((_s, res) => sendJson(res, 200, wireUser()));
    const key = "opaque-token-0123456789abcdef";
    const res = await usersGet(
      core({ serverUrl: server.url, bearerAuth: key }),
      { userId: "u" },
      { headers: { authorization: `Bearer ${key}\r\nx-evil: 1` } },
    );
    expect(res.error).toBeInstanceOf(InvalidRequestError);
    expect(res.error!.message).toContain("options.headers: a header name or value cannot be sent");
    for (const text of [res.error!.message, inspect(res.error), JSON.stringify(res.error)])
      expect(text).not.toContain(key);
    expect(server.seen).toHaveLength(0);
  });

  it("the debug log hides caller headers that look like credentials", async () => {
    const server = await serve((_s, res) => sendJson(res, 200, wireUser()));
    const lines: string[] = [];
    const clerk = core({ serverUrl: server.url, debugLogger: logTo({ debug: (line: string) => lines.push(line) }) });
    const secrets = {
      "x-api-key": "apikey-0123456789",
      cookie: "session=abcdef0123456789",
      "x-auth-token": "tok-0123456789abc",
      "x-client-secret": "cs-0123456789",
    };
    const res = await usersGet(clerk, { userId: "u" }, { headers: { ...secrets, "x-request-id": "req-42" } });
    expect(res.ok).toBe(true);
    expect(server.seen[0]!.headers["x-api-key"]).toBe("apikey-0123456789");
    const log = lines.join("\n");
    for (const value of Object.values(secrets)) expect(log).not.toContain(value);
    expect(log).toContain("x-api-key: [redacted]");
    expect(log).toContain("x-request-id: req-42");
  });
});

describe("4. timeoutMs and signal end a call stuck in the caller's code", () => {
  const stuck: [string, ClerkCoreOptions][] = [
    ["a bearerAuth provider that never settles", { bearerAuth: never }],
    ["a custom fetch that ignores the signal", { fetch: never }],
    ["a beforeRequest hook that hangs", { hooks: withHooks({ beforeRequest: never }) }],
    ["an afterSuccess hook that hangs", { hooks: withHooks({ afterSuccess: never }) }],
    ["an afterError hook that hangs", { hooks: withHooks({ afterError: never }) }],
    [
      "a custom fetch whose body never ends",
      {
        fetch: async () =>
          new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode("{")) }), {
            headers: { "content-type": "application/json" },
          }),
      },
    ],
  ];
  for (const [label, options] of stuck) {
    it(label, async () => {
      const server = await serve((s, res) =>
        s.target.includes("fail") ? sendJson(res, 500, {}) : sendJson(res, 200, wireUser()),
      );
      const base = { serverUrl: server.url, retryConfig: { strategy: "none" } as const, ...options };
      const userId = label.includes("afterError") ? "fail" : "u";
      const timedOut = await usersGet(core({ ...base, timeoutMs: 100 }), { userId });
      expect(timedOut.error).toBeInstanceOf(RequestTimeoutError);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const aborted = await usersGet(core(base), { userId }, { signal: controller.signal });
      expect(aborted.error).toBeInstanceOf(RequestAbortedError);
    });
  }
});

describe("5. toJSON never throws and sizes are bounded", () => {
  const bodies: [string, string][] = [
    [
      "meta nesting 20,000 levels",
      `{"errors":[{"code":"c","message":"m","meta":${'{"a":'.repeat(20_000)}{}${"}".repeat(20_000)}}]}`,
    ],
    [
      "10,000 error entries",
      JSON.stringify({ errors: Array.from({ length: 10_000 }, (_, i) => ({ code: `code_${i}`, message: "m" })) }),
    ],
    [
      "a 1 MB code",
      JSON.stringify({
        errors: [{ code: "x".repeat(1 << 20), message: "m".repeat(1 << 20) }],
        clerk_trace_id: "t".repeat(1 << 20),
      }),
    ],
  ];
  for (const [label, body] of bodies) {
    it(label, async () => {
      const server = await serve((_s, res) => res.writeHead(422, { "content-type": "application/json" }).end(body));
      const res = await usersGet(core({ serverUrl: server.url }), { userId: "u" });
      expect(res.error).toBeInstanceOf(ClerkErrors);
      const error = res.error as ClerkErrors;
      expect(error.message.length).toBeLessThan(1_000);
      const text = JSON.stringify(error); // threw RangeError for deep nesting before the fix
      expect(text.length).toBeLessThan(64_000);
      expect(inspect(error).length).toBeLessThan(64_000);
      // The full data stays on the error's fields.
      expect(error.body.length).toBe(body.length);
    });
  }

  it("toJSON survives hostile data on the error (a throwing getter, a cycle, a bigint)", async () => {
    const error = new InvalidRequestError([{ message: "m" }], { cause: 1n });
    const cyclic: Record<string, unknown> = { n: 1n };
    cyclic["self"] = cyclic;
    Object.assign(error, {
      cyclic,
      hostile: Object.defineProperty({}, "boom", {
        enumerable: true,
        get: () => {
          throw new Error("no");
        },
      }),
    });
    expect(() => JSON.stringify(error)).not.toThrow();
    expect(JSON.parse(JSON.stringify(error)).name).toBe("InvalidRequestError");
  });
});

describe("6. redirects are not followed", () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`a POST answered ${status} is an APIError; the other host sees nothing`, async () => {
      const other = await serve((_s, res) => sendJson(res, 200, wireUser()));
      const server = await serve((_s, res) => res.writeHead(status, { location: `${other.url}/users` }).end());
      const res = await usersCreate(core({ serverUrl: server.url }), { requestBody: { firstName: "A" } });
      expect(res.error).toBeInstanceOf(APIError);
      expect((res.error as APIError).statusCode).toBe(status);
      expect(res.error!.message).toContain("not followed");
      expect(server.seen).toHaveLength(1);
      expect(other.seen).toHaveLength(0);
    });
  }

  it("a 302 whose body has Clerk's errors shape is still an APIError, not ClerkErrors", async () => {
    const errors = { errors: [{ code: "resource_not_found", message: "not found", long_message: "moved" }] };
    const server = await serve((_s, res) => sendJson(res, 302, errors));
    const res = await usersGet(core({ serverUrl: server.url }), { userId: "u" });
    expect(res.error?.name).toBe("APIError");
    expect(res.error!.message).toBe("HTTP 302: redirect not followed");
  });

  it("a GET answered 307 is not retried either", async () => {
    const server = await serve((_s, res) => res.writeHead(307, { location: "http://127.0.0.1:9/" }).end());
    const res = await usersGet(core({ serverUrl: server.url }), { userId: "u" });
    expect(res.error).toBeInstanceOf(APIError);
    expect(server.seen).toHaveLength(1);
  });
});

describe("7. the right error class and reason", () => {
  it("a lone surrogate in a path or query value is InvalidRequestError, nothing sent", async () => {
    const server = await serve((_s, res) => sendJson(res, 200, [wireUser()]));
    const clerk = core({ serverUrl: server.url });
    expect((await usersGet(clerk, { userId: "a\ud800b" })).error).toBeInstanceOf(InvalidRequestError);
    expect((await usersList(clerk, { emailAddress: ["ok", "\udc00"] })).error).toBeInstanceOf(InvalidRequestError);
    expect(server.seen).toHaveLength(0);
    // A surrogate pair (an emoji) is fine.
    expect((await usersList(clerk, { emailAddress: ["😀"] })).ok).toBe(true);
  });

  it("a corrupt gzip body is a response error naming the reason", async () => {
    const server = await serve((_s, res) =>
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end("not gzip at all"),
    );
    const res = await usersGet(core({ serverUrl: server.url }), { userId: "u" });
    expect(res.error).toBeInstanceOf(ResponseValidationError);
    expect(res.error!.message).toContain("could not be read");
  });

  it("a body in many chunks, a character split between two of them, reads whole (and its BOM goes)", async () => {
    const bytes = Buffer.from(`\ufeff${JSON.stringify(wireUser({ first_name: "Zoë 🦋".repeat(300) }))}`);
    const split = bytes.indexOf(Buffer.from("ë")) + 1; // between the two bytes of "ë"
    const server = await serve((_s, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write(bytes.subarray(0, split));
      setTimeout(() => res.end(bytes.subarray(split)), 20);
    });
    const res = await usersGet(core({ serverUrl: server.url }), { userId: "u" });
    expect(res.ok && res.value.firstName).toBe("Zoë 🦋".repeat(300));
  });

  it("a body over maxResponseBytes is not read (declared length or streamed)", async () => {
    const big = JSON.stringify(wireUser({ first_name: "x".repeat(5_000) }));
    const server = await serve((s, res) => {
      if (s.target.includes("chunked")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.write(big.slice(0, 3_000));
        return res.end(big.slice(3_000));
      }
      res.writeHead(s.target.includes("error") ? 500 : 200, { "content-type": "application/json" }).end(big);
    });
    const clerk = core({ serverUrl: server.url, maxResponseBytes: 4_096, retryConfig: { strategy: "none" } });
    for (const userId of ["length", "chunked"]) {
      const res = await usersGet(clerk, { userId });
      expect(res.error).toBeInstanceOf(ResponseValidationError);
      expect(res.error!.message).toContain("larger than maxResponseBytes (4096 bytes)");
    }
    const failed = await usersGet(clerk, { userId: "error" });
    expect(failed.error).toBeInstanceOf(APIError);
    expect(failed.error!.message).toContain("maxResponseBytes");
    // An operation without a JSON body has no ResponseValidationError in its type: APIError.
    const deleted = await usersDelete(clerk, { userId: "length" });
    expect(deleted.error).toBeInstanceOf(APIError);
    expect(deleted.error!.message).toContain("maxResponseBytes");
    // The default (10 MiB) reads it.
    expect((await usersGet(core({ serverUrl: server.url }), { userId: "chunked" })).ok).toBe(true);
  });

  it("a key provider that returns a non-string is a clear error; nothing is sent", async () => {
    const server = await serve((_s, res) => sendJson(res, 200, wireUser()));
    const res = await usersGet(
      core({ serverUrl: server.url, bearerAuth: (() => ({ key: "sk_test_x" })) as unknown as () => string }),
      { userId: "u" },
    );
    expect(res.error).toBeInstanceOf(UnexpectedClientError);
    expect(res.error!.message).toContain("bearerAuth must be a string");
    expect(server.seen).toHaveLength(0);
  });

  it("an afterSuccess hook returning a non-Response is a clear UnexpectedClientError", async () => {
    const server = await serve((_s, res) => sendJson(res, 200, wireUser()));
    const hooks = { afterSuccess: () => ({ status: 200 }) as unknown as Response };
    const res = await usersGet(core({ serverUrl: server.url, hooks: withHooks(hooks) }), { userId: "u" });
    expect(res.error).toBeInstanceOf(UnexpectedClientError);
    expect(res.error!.message).toBe(
      "Unexpected failure in GetUser: hooks.afterSuccess returned something that is not a Response",
    );
  });
});

describe("4b. racing leaves nothing behind", () => {
  it("a long-lived caller signal does not collect a listener per call", async () => {
    // A custom fetch that leaves the signal alone: undici's own Request adds a listener it drops only at GC.
    const fetch = async () =>
      new Response(JSON.stringify(wireUser()), { headers: { "content-type": "application/json" } });
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<typeof add>) => (added++, add(...args))) as typeof add;
    controller.signal.removeEventListener = ((...args: Parameters<typeof remove>) => (
      removed++,
      remove(...args)
    )) as typeof remove;
    // Without a time limit the race listens on the caller's signal; with one, the
    // attempt's own controller is fed from it. Both listeners go when the attempt ends.
    for (const timeoutMs of [undefined, 60_000]) {
      added = removed = 0;
      const clerk = core({ serverUrl: "http://127.0.0.1:9", fetch, timeoutMs });
      for (let i = 0; i < 20; i++)
        expect((await usersGet(clerk, { userId: "u" }, { signal: controller.signal })).ok).toBe(true);
      expect(added).toBeGreaterThan(0);
      expect(added - removed).toBe(0);
    }
  });
});
