import type { IncomingHttpHeaders } from "node:http";
import { afterAll, afterEach, beforeAll } from "vitest";
import { startHttpServer, type TestServer } from "../../support/http-server.js";

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export type Route = (request: RecordedRequest) => Reply | Promise<Reply>;

/**
 * A stand-in for the Clerk Backend API on the shared test server: answers with whatever the
 * test routes say and records every request (so tests can count JWKS fetches
 * and check what a verify call sent).
 */
export class FakeClerk {
  readonly requests: RecordedRequest[] = [];
  routes: Record<string, Route> = {};
  private server: TestServer | undefined;

  /** The serverUrl to hand to clerk-fn (with the `/v1` prefix Clerk uses). */
  get serverUrl(): string {
    return `${this.server?.url ?? "http://127.0.0.1:0"}/v1`;
  }

  count(method: string, path: string): number {
    return this.requests.filter((r) => r.method === method && r.path === path).length;
  }

  async start(): Promise<void> {
    this.server = await startHttpServer(async (seen, res) => {
      const path = seen.target.split("?")[0] ?? "/";
      const recorded: RecordedRequest = {
        method: seen.method || "GET",
        path,
        headers: seen.headers,
        body: seen.body.toString("utf8"),
      };
      this.requests.push(recorded);
      const route = this.routes[`${recorded.method} ${path}`];
      const reply: Reply = route
        ? await route(recorded)
        : {
            status: 404,
            body: { errors: [{ message: "not found", long_message: "no such route", code: "resource_not_found" }] },
          };
      const text =
        reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        "content-type": typeof reply.body === "string" ? "text/html" : "application/json",
        ...reply.headers,
      });
      res.end(text);
    });
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  /** Forgets the routes and the recorded requests: what every test starts from. */
  reset(): void {
    this.routes = {};
    this.requests.length = 0;
  }
}

/** A FakeClerk for the whole suite: started before it, stopped after it, reset after each test. */
export function useFakeClerk(): FakeClerk {
  const clerk = new FakeClerk();
  beforeAll(() => clerk.start());
  afterAll(() => clerk.stop());
  afterEach(() => clerk.reset());
  return clerk;
}

/** An incoming request carrying `token` as its Authorization bearer. */
export function bearer(token: string): Request {
  return new Request("https://app.example.test/", { headers: { authorization: `Bearer ${token}` } });
}

/** Clerk's error body shape. */
export function clerkErrors(code: string, message = code): unknown {
  return { errors: [{ message, long_message: message, code }], clerk_trace_id: "trace_test" };
}
