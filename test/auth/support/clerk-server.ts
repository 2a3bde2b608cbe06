import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

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
 * A stand-in for the Clerk Backend API on 127.0.0.1: answers with whatever the
 * test routes say and records every request (so tests can count JWKS fetches
 * and check what a verify call sent).
 */
export class FakeClerk {
  readonly requests: RecordedRequest[] = [];
  routes: Record<string, Route> = {};
  private server: Server | undefined;
  private port = 0;

  /** The serverUrl to hand to clerk-fn (with the `/v1` prefix Clerk uses). */
  get serverUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  count(method: string, path: string): number {
    return this.requests.filter((r) => r.method === method && r.path === path).length;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const path = (req.url ?? "/").split("?")[0] ?? "/";
        const recorded: RecordedRequest = {
          method: req.method ?? "GET",
          path,
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        };
        this.requests.push(recorded);
        const route = this.routes[`${recorded.method} ${path}`];
        const reply: Reply = route
          ? route(recorded)
          : { status: 404, body: { errors: [{ message: "not found", long_message: "no such route", code: "resource_not_found" }] } };
        const text = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
        res.writeHead(reply.status, {
          "content-type": typeof reply.body === "string" ? "text/html" : "application/json",
          ...reply.headers,
        });
        res.end(text);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Clerk's error body shape. */
export function clerkErrors(code: string, message = code): unknown {
  return { errors: [{ message, long_message: message, code }], clerk_trace_id: "trace_test" };
}
