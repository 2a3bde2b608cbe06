import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
// The Node entry of clerk-fn/core: its errors have the inspect view these tests check.
import { ClerkCore, withHooks } from "../../src/node/core.js";
import {
  APIError,
  ClerkErrors,
  ConnectionError,
  InvalidRequestError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKBaseError,
  UnexpectedClientError,
} from "../../src/errors/index.js";
import { closedPortUrl, sendJson, startHttpServer } from "../support/http-server.js";
import type { TestServer } from "../support/http-server.js";
import { wireUser } from "../support/builders.js";
import { usersCreate, usersGet, usersList } from "./support/ops.js";

const NO_RETRY = { strategy: "none" } as const;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function core(url: string, extra: ConstructorParameters<typeof ClerkCore>[0] = {}): ClerkCore {
  return new ClerkCore({ serverUrl: url, bearerAuth: "sk_test_errors_secret", retryConfig: NO_RETRY, ...extra });
}

describe("every outcome maps to a typed error, never a throw", () => {
  it("4xx with a Clerk errors body → ClerkErrors with codes, trace id and camelCase data", async () => {
    server = await startHttpServer((_s, res) =>
      sendJson(res, 404, {
        errors: [
          {
            message: "not found",
            long_message: "User not found",
            code: "resource_not_found",
            meta: { param_name: "user_id" },
          },
        ],
        meta: {},
        clerk_trace_id: "trace_abc",
      }),
    );
    const res = await usersGet(core(server.url), { userId: "user_missing" });
    expect(res.ok).toBe(false);
    const error = res.error;
    expect(error).toBeInstanceOf(ClerkErrors);
    expect(error).toBeInstanceOf(SDKBaseError);
    if (!(error instanceof ClerkErrors)) return;
    expect(error.name).toBe("ClerkErrors");
    expect(error.statusCode).toBe(404);
    expect(error.codes).toEqual(["resource_not_found"]);
    expect(error.data.errors[0]).toEqual({
      code: "resource_not_found",
      message: "not found",
      longMessage: "User not found",
      meta: { param_name: "user_id" },
    });
    expect(error.data.clerkTraceId).toBe("trace_abc");
    expect(error.message).toContain("404");
    expect(error.message).toContain("resource_not_found");
    expect(error.message).toContain("trace_abc");
    expect(error.headers.get("content-type")).toBe("application/json");
    expect(error.response.status).toBe(404);
  });

  it("502 with an HTML body → APIError with the status and a body snippet", async () => {
    server = await startHttpServer((_s, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    });
    const res = await usersGet(core(server.url), { userId: "user_1" });
    expect(res.error).toBeInstanceOf(APIError);
    expect(res.error?.name).toBe("APIError");
    const error = res.error as APIError;
    expect(error.statusCode).toBe(502);
    expect(error.body).toContain("502 Bad Gateway");
    expect(error.message).toContain("502");
    expect(error.message).toContain("<h1>502 Bad Gateway</h1>");
  });

  it("empty 404 → APIError that says the body was empty", async () => {
    server = await startHttpServer((_s, res) => {
      res.writeHead(404);
      res.end();
    });
    const res = await usersGet(core(server.url), { userId: "user_1" });
    expect(res.error).toBeInstanceOf(APIError);
    expect((res.error as APIError).body).toBe("");
    expect(res.error?.message).toContain("empty body");
  });

  it("JSON error body without the Clerk shape → APIError", async () => {
    server = await startHttpServer((_s, res) => sendJson(res, 400, { error: "bad", errors: [] }));
    const res = await usersGet(core(server.url), { userId: "user_1" });
    expect(res.error).toBeInstanceOf(APIError);
  });

  it("2xx whose body breaks the model, strict mode → ResponseValidationError with raw value and issues", async () => {
    const broken = wireUser({ created_at: "yesterday" });
    server = await startHttpServer((_s, res) => sendJson(res, 200, broken));
    const res = await usersGet(core(server.url), { userId: "user_1" }, { responseValidation: "strict" });
    expect(res.error).toBeInstanceOf(ResponseValidationError);
    const error = res.error as ResponseValidationError;
    expect(error.name).toBe("ResponseValidationError");
    expect(error.statusCode).toBe(200);
    expect(error.rawValue).toEqual(broken);
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.issues[0]?.path?.map((p) => p.key)).toEqual(["created_at"]);
    expect(error.message).toContain("created_at");
  });

  it("2xx with a body that is not JSON → ResponseValidationError keeping the text", async () => {
    server = await startHttpServer((_s, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{not json");
    });
    const res = await usersGet(core(server.url), { userId: "user_1" });
    expect(res.error).toBeInstanceOf(ResponseValidationError);
    expect((res.error as ResponseValidationError).rawValue).toBe("{not json");
  });

  it("2xx with unknown fields and unknown enum values is accepted", async () => {
    const user = wireUser({ brand_new_field: { x: 1 } });
    (user["email_addresses"] as Record<string, unknown>[])[0]!["verification"] = {
      status: "quantum",
      strategy: "passkey",
      expire_at: 5,
    };
    server = await startHttpServer((_s, res) => sendJson(res, 200, user));
    const res = await usersGet(core(server.url), { userId: "user_1" });
    expect(res.ok).toBe(true);
    expect(res.value?.emailAddresses[0]?.verification).toEqual({ status: "quantum", strategy: "passkey", expireAt: 5 });
  });

  it("invalid input → InvalidRequestError and nothing reaches the server", async () => {
    server = await startHttpServer((_s, res) => sendJson(res, 200, []));
    const bad = [
      () => usersList(core(server!.url), { limit: 0 }),
      () => usersList(core(server!.url), { limit: "10" as unknown as number }),
      () => usersList(core(server!.url), { limmit: 10 } as never),
      () => usersGet(core(server!.url), { userId: "" }),
      () => usersGet(core(server!.url), undefined as never),
      () => usersCreate(core(server!.url), { requestBody: { publicMetadata: { n: 1n } } }),
    ];
    for (const attempt of bad) {
      const res = await attempt();
      expect(res.error).toBeInstanceOf(InvalidRequestError);
      expect(res.error?.name).toBe("InvalidRequestError");
      expect((res.error as InvalidRequestError).issues.length).toBeGreaterThan(0);
    }
    expect(server.seen).toHaveLength(0);
  });

  it("connection refused → ConnectionError marked notSent", async () => {
    const res = await usersGet(core(await closedPortUrl()), { userId: "user_1" });
    expect(res.error).toBeInstanceOf(ConnectionError);
    expect(res.error?.name).toBe("ConnectionError");
    expect((res.error as ConnectionError).notSent).toBe(true);
    expect(res.error?.message).toContain("127.0.0.1");
  });

  it("a server that accepts but never answers → RequestTimeoutError", async () => {
    server = await startHttpServer(() => {
      // never answers
    });
    const started = Date.now();
    const res = await usersGet(core(server.url, { timeoutMs: 200 }), { userId: "user_1" });
    expect(res.error).toBeInstanceOf(RequestTimeoutError);
    expect(res.error?.name).toBe("RequestTimeoutError");
    expect((res.error as RequestTimeoutError).timeoutMs).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("per-call timeoutMs overrides the core's", async () => {
    server = await startHttpServer(() => {});
    const res = await usersGet(core(server.url, { timeoutMs: 60_000 }), { userId: "u" }, { timeoutMs: 100 });
    expect(res.error).toBeInstanceOf(RequestTimeoutError);
  });

  it("a server that sends headers then stalls the body → RequestTimeoutError", async () => {
    server = await startHttpServer((_s, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id":');
    });
    const res = await usersGet(core(server.url, { timeoutMs: 200 }), { userId: "u" });
    expect(res.error).toBeInstanceOf(RequestTimeoutError);
  });

  it("a connection dropped mid-body → ConnectionError", async () => {
    server = await startHttpServer((_s, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"id":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const res = await usersGet(core(server.url), { userId: "u" });
    expect(res.error).toBeInstanceOf(ConnectionError);
  });

  it("caller abort → RequestAbortedError (already aborted, and mid-request)", async () => {
    server = await startHttpServer(() => {});
    const pre = await usersGet(core(server.url), { userId: "u" }, { signal: AbortSignal.abort() });
    expect(pre.error).toBeInstanceOf(RequestAbortedError);
    expect(server.seen).toHaveLength(0);

    const controller = new AbortController();
    const pending = usersGet(core(server.url, { timeoutMs: 10_000 }), { userId: "u" }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const res = await pending;
    expect(res.error).toBeInstanceOf(RequestAbortedError);
    expect(res.error?.name).toBe("RequestAbortedError");
  });

  it("timeout and caller abort still work where AbortSignal.any is missing (older runtimes)", async () => {
    server = await startHttpServer(() => {});
    const any = AbortSignal.any;
    Reflect.deleteProperty(AbortSignal, "any");
    try {
      const timedOut = await usersGet(
        core(server.url, { timeoutMs: 100 }),
        { userId: "u" },
        { signal: new AbortController().signal },
      );
      expect(timedOut.error).toBeInstanceOf(RequestTimeoutError);
      const controller = new AbortController();
      const pending = usersGet(core(server.url, { timeoutMs: 10_000 }), { userId: "u" }, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      expect((await pending).error).toBeInstanceOf(RequestAbortedError);
    } finally {
      AbortSignal.any = any;
    }
  });

  it("throwing hooks → UnexpectedClientError with the thrown value as cause", async () => {
    server = await startHttpServer((s, res) =>
      s.target.includes("fail") ? sendJson(res, 500, {}) : sendJson(res, 200, wireUser()),
    );
    const boom = new Error("hook exploded");
    const cases = [
      {
        hooks: {
          beforeRequest: () => {
            throw boom;
          },
        },
        id: "u",
      },
      {
        hooks: {
          afterSuccess: async () => {
            throw boom;
          },
        },
        id: "u",
      },
      {
        hooks: {
          afterError: () => {
            throw boom;
          },
        },
        id: "fail",
      },
    ];
    for (const { hooks, id } of cases) {
      const res = await usersGet(core(server.url, { hooks: withHooks(hooks) }), { userId: id });
      expect(res.error).toBeInstanceOf(UnexpectedClientError);
      expect(res.error?.name).toBe("UnexpectedClientError");
      expect((res.error as UnexpectedClientError).cause).toBe(boom);
    }
  });

  it("a custom fetch that throws a non-network error → UnexpectedClientError", async () => {
    const boom = new RangeError("custom fetch bug");
    const res = await usersGet(
      core("http://127.0.0.1:1", {
        fetch: () => {
          throw boom;
        },
      }),
      { userId: "u" },
    );
    expect(res.error).toBeInstanceOf(UnexpectedClientError);
    expect((res.error as UnexpectedClientError).cause).toBe(boom);
  });

  it("a custom fetch that rejects with a network-style TypeError → ConnectionError", async () => {
    const res = await usersGet(
      core("http://127.0.0.1:1", { fetch: () => Promise.reject(new TypeError("fetch failed")) }),
      { userId: "u" },
    );
    expect(res.error).toBeInstanceOf(ConnectionError);
    expect((res.error as ConnectionError).notSent).toBe(false);
  });

  it("a bearerAuth provider that throws → UnexpectedClientError, nothing sent", async () => {
    server = await startHttpServer((_s, res) => sendJson(res, 200, wireUser()));
    const res = await usersGet(
      core(server.url, {
        bearerAuth: async () => {
          throw new Error("vault down");
        },
      }),
      { userId: "u" },
    );
    expect(res.error).toBeInstanceOf(UnexpectedClientError);
    expect(server.seen).toHaveLength(0);
  });

  it("a key or header that cannot be sent → a client-side error, not a ConnectionError; nothing sent", async () => {
    server = await startHttpServer((_s, res) => sendJson(res, 200, wireUser()));
    const badKey = await usersGet(core(server.url, { bearerAuth: "sk_test_line\nbreak" }), { userId: "u" });
    expect(badKey.error).toBeInstanceOf(UnexpectedClientError);
    expect(badKey.error?.message).toContain("bearerAuth");
    const badHeader = await usersGet(core(server.url), { userId: "u" }, { headers: { "x-note": "✓" } });
    expect(badHeader.error).toBeInstanceOf(InvalidRequestError);
    expect(badHeader.error?.message).toContain("options.headers");
    expect(server.seen).toHaveLength(0);
  });

  it("Retry-After on an error response is exposed as retryAfterMs", async () => {
    server = await startHttpServer((_s, res) =>
      sendJson(res, 429, { errors: [{ code: "too_many_requests", message: "slow down" }] }, { "retry-after": "7" }),
    );
    const res = await usersGet(core(server.url), { userId: "u" });
    expect(res.error).toBeInstanceOf(ClerkErrors);
    expect((res.error as ClerkErrors).retryAfterMs).toBe(7000);
  });
});

describe("messages and the Node inspect view", () => {
  it("a ClerkErrors message names each of the first errors with its own long message", async () => {
    const missing = (param: string) => ({
      code: "form_param_missing",
      message: "is missing",
      long_message: `${param} is missing`,
    });
    server = await startHttpServer((_s, res) =>
      sendJson(res, 422, { errors: ["first_name", "last_name", "email", "phone"].map(missing), clerk_trace_id: "t1" }),
    );
    const res = await usersGet(core(server.url), { userId: "u" });
    expect(res.error).toBeInstanceOf(ClerkErrors);
    expect(res.error!.message).toBe(
      "HTTP 422: form_param_missing: first_name is missing; form_param_missing: last_name is missing; " +
        "form_param_missing: email is missing; … (trace t1)",
    );
  });

  it("a redirect's APIError names where it pointed; another's shows the start of the body, cut at 200", async () => {
    server = await startHttpServer((s, res) =>
      s.target.includes("moved")
        ? res.writeHead(307, { location: "https://elsewhere.example/users" }).end()
        : res.writeHead(502, { "content-type": "text/html" }).end(`<h1>Bad Gateway</h1>${"x".repeat(300)}`),
    );
    const moved = await usersGet(core(server.url), { userId: "moved" });
    expect(moved.error?.message).toBe("HTTP 307: redirect not followed (location: https://elsewhere.example/users)");
    const proxy = await usersGet(core(server.url), { userId: "u" });
    expect(proxy.error?.message).toBe(`HTTP 502: <h1>Bad Gateway</h1>${"x".repeat(180)}…`);
  });

  it("console.log shows the name, message, stack frames and the bounded toJSON fields, not the raw body", async () => {
    const body = "x".repeat(10_000);
    server = await startHttpServer((_s, res) => res.writeHead(500, { "content-type": "text/html" }).end(body));
    const res = await usersGet(core(server.url), { userId: "u" });
    const text = inspect(res.error);
    expect(text.startsWith(`APIError: ${res.error!.message}\n    at `)).toBe(true);
    expect(text).toContain("statusCode: 500");
    expect(text).toContain("x".repeat(4096) + "…");
    expect(text).not.toContain("x".repeat(4097));
    expect(text).not.toContain("response:");
  });
});
