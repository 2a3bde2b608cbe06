// A Clerk-like Backend API on 127.0.0.1 for bulk-job tests: a user store that
// GET /v1/users pages through with limit/offset/order_by as Clerk does, Clerk's
// per-instance rate limit (a fixed window: over the limit is 429 with
// Retry-After in whole seconds), and one-off failures. Time is Date.now(), so a
// test that fakes Date runs the limit on simulated time.
import { wireUser } from "../../support/builders.js";
import { sendJson, startHttpServer } from "../../support/http-server.js";

export interface Limit {
  readonly requests: number;
  readonly perMs: number;
}

/** One request as the server answered it. */
export interface Served {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly status: number;
  /** Date.now() when it arrived. */
  readonly at: number;
  /** The Retry-After of a 429, in ms. */
  readonly retryAfterMs?: number | undefined;
}

interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface ClerkServer {
  /** serverUrl for ClerkCore. */
  readonly url: string;
  /** The users GET /v1/users lists (wire shape); tests may add or remove users mid-walk. */
  readonly users: Array<Record<string, unknown>>;
  readonly served: Served[];
  /** Clerk's limit for this instance; undefined for none. */
  limit: Limit | undefined;
  /** Called for each request within the limit, before it is answered. */
  beforeAnswer: ((path: string, query: URLSearchParams) => void) | undefined;
  /** Answers paths other than /v1/users; default 404. */
  route: ((path: string, query: URLSearchParams) => Answer) | undefined;
  /** The next `count` requests within the limit are answered with `status`. */
  failNext(count: number, status: number): void;
  readonly refused: () => number;
  close(): Promise<void>;
}

let nextId = 0;

/** A user as Clerk sends it, created at `createdAt` (ms). Ids are unique per process. */
export function makeUser(createdAt: number): Record<string, unknown> {
  const n = ++nextId;
  return wireUser({
    id: `user_${String(n).padStart(8, "0")}`,
    created_at: createdAt,
    updated_at: createdAt,
    first_name: `User ${n}`,
  });
}

/** `count` users created one second apart, oldest first. */
export function makeUsers(count: number, firstCreatedAt = 1_700_000_000_000): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => makeUser(firstCreatedAt + i * 1000));
}

export async function startClerkServer(
  options: { users?: Array<Record<string, unknown>>; limit?: Limit } = {},
): Promise<ClerkServer> {
  const failures: number[] = [];
  let windowStart = -Infinity;
  let inWindow = 0;

  const self: ClerkServer = {
    url: "",
    users: options.users ?? [],
    served: [],
    limit: options.limit,
    beforeAnswer: undefined,
    route: undefined,
    failNext: (count, status) => failures.push(...Array<number>(count).fill(status)),
    refused: () => self.served.filter((s) => s.status === 429).length,
    close: () => server.close(),
  };

  const answer = (path: string, query: URLSearchParams): Answer => {
    const now = Date.now();
    const limit = self.limit;
    if (limit) {
      // Fixed windows aligned to multiples of perMs, like a per-instance counter.
      const start = Math.floor(now / limit.perMs) * limit.perMs;
      if (start !== windowStart) [windowStart, inWindow] = [start, 0];
      if (++inWindow > limit.requests) {
        const seconds = Math.ceil((start + limit.perMs - now) / 1000);
        return {
          status: 429,
          headers: { "retry-after": String(seconds) },
          body: { errors: [{ code: "too_many_requests", message: "Too many requests" }] },
        };
      }
    }
    self.beforeAnswer?.(path, query);
    const failure = failures.shift();
    if (failure)
      return { status: failure, body: { errors: [{ code: "internal_error", message: "failed on purpose" }] } };
    if (path === "/v1/users") return { status: 200, body: listUsers(self.users, query) };
    return (
      self.route?.(path, query) ?? {
        status: 404,
        body: { errors: [{ code: "resource_not_found", message: "not found" }] },
      }
    );
  };

  const server = await startHttpServer((seen, res) => {
    const url = new URL(seen.target || "/", "http://127.0.0.1");
    const at = Date.now();
    const reply = answer(url.pathname, url.searchParams);
    const retryAfter = reply.headers?.["retry-after"];
    self.served.push({
      method: seen.method,
      path: url.pathname,
      query: url.searchParams,
      status: reply.status,
      at,
      retryAfterMs: retryAfter ? Number(retryAfter) * 1000 : undefined,
    });
    sendJson(res, reply.status, reply.body, reply.headers);
  });
  (self as { url: string }).url = `${server.url}/v1`;
  return self;
}

/** Clerk's GET /users paging: order_by `[+-]created_at` (default newest first), then offset and limit (default 10). */
function listUsers(users: Array<Record<string, unknown>>, query: URLSearchParams): unknown[] {
  const orderBy = query.get("order_by") ?? "-created_at";
  const descending = orderBy.startsWith("-");
  const field = orderBy.replace(/^[+-]/, "");
  const sorted = [...users].sort((a, b) => ((a[field] as number) - (b[field] as number)) * (descending ? -1 : 1));
  const offset = Number(query.get("offset") ?? 0);
  const limit = Number(query.get("limit") ?? 10);
  return sorted.slice(offset, offset + limit);
}
