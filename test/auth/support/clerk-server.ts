import type { IncomingHttpHeaders } from "node:http";
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

export type Route = (request: RecordedRequest) => Reply;

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
    this.server = await startHttpServer((seen, res) => {
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
        ? route(recorded)
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
}

/** Clerk's error body shape. */
export function clerkErrors(code: string, message = code): unknown {
  return { errors: [{ message, long_message: message, code }], clerk_trace_id: "trace_test" };
}
