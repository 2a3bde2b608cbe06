// A Clerk-like Backend API on 127.0.0.1 for bulk-job tests: a user store that
// GET /v1/users pages through with limit/offset/order_by and the starting_after
// cursor as Clerk's spec describes them (bapi 2026-05-12, GetUserList), Clerk's
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
  /** The ids of the users a page of GET /v1/users held. */
  readonly userIds?: readonly string[] | undefined;
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
    if (path === "/v1/users") return listUsers(self.users, query);
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
      userIds:
        url.pathname === "/v1/users" && Array.isArray(reply.body)
          ? reply.body.map((user: Record<string, unknown>) => user.id as string)
          : undefined,
    });
    sendJson(res, reply.status, reply.body, reply.headers);
  });
  (self as { url: string }).url = `${server.url}/v1`;
  return self;
}

const CREATED_AT_ORDERS = ["created_at", "+created_at", "-created_at"];

/**
 * Clerk's GET /users paging: order_by `[+-]field` (default `-created_at`, newest first), then
 * either offset and limit (default 10), or `starting_after`: the users that follow the one with
 * that id. The cursor needs a created_at order and no non-zero offset (422 otherwise), and must
 * name a user that exists: where the cursor user was deleted there is no place to continue from,
 * so this server answers 422 (Clerk does not document that case).
 */
function listUsers(users: Array<Record<string, unknown>>, query: URLSearchParams): Answer {
  const orderBy = query.get("order_by") ?? "-created_at";
  const descending = orderBy.startsWith("-");
  const field = orderBy.replace(/^[+-]/, "");
  const sorted = [...users].sort((a, b) => ((a[field] as number) - (b[field] as number)) * (descending ? -1 : 1));
  const offset = Number(query.get("offset") ?? 0);
  const limit = Number(query.get("limit") ?? 10);
  const cursor = query.get("starting_after");
  if (cursor === null) return { status: 200, body: sorted.slice(offset, offset + limit) };
  if (!CREATED_AT_ORDERS.includes(orderBy)) return invalid("starting_after", "needs ordering by created_at");
  if (offset !== 0) return invalid("offset", "cannot be combined with starting_after");
  const at = sorted.findIndex((user) => user.id === cursor);
  if (at < 0) return invalid("starting_after", "is not the id of an existing user");
  return { status: 200, body: sorted.slice(at + 1, at + 1 + limit) };
}

const invalid = (param: string, message: string): Answer => ({
  status: 422,
  body: { errors: [{ code: "form_param_value_invalid", message: `${param} ${message}`, meta: { param_name: param } }] },
});
