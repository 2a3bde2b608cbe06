// The one scriptable HTTP server every suite uses when a test needs exact
// control of bytes, statuses or timing (hostile answers, hanging requests,
// recording what arrived on the socket). Tests that only need Clerk's API with
// ordinary data use the clerk-fn/testing fake instead.
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the server saw, exactly as it arrived on the socket. */
export interface SeenRequest {
  readonly method: string;
  /** The raw request target: path and query as sent, before any decoding. */
  readonly target: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: Buffer;
  /** performance.now() when the request arrived. */
  readonly at: number;
}

/** Answers one request; `index` counts requests from 0. May be async; a rejection answers 599. */
export type Handler = (seen: SeenRequest, res: ServerResponse, index: number) => unknown;

export interface TestServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** Requests in arrival order. */
  readonly seen: SeenRequest[];
  /** Replaces the handler for the next requests. */
  reply(handler: Handler): void;
  /** Closes every connection, including requests a handler left hanging. */
  close(): Promise<void>;
}

const answer500: Handler = (_seen, res) => res.writeHead(500).end();

/** A real node:http server on 127.0.0.1 on a free port; `handler` answers each request (500 until one is given). */
export async function startHttpServer(handler: Handler = answer500): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  let current = handler;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const entry: SeenRequest = {
        method: req.method ?? "",
        target: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: performance.now(),
      };
      seen.push(entry);
      Promise.resolve()
        .then(() => current(entry, res, seen.length - 1))
        .catch((e: unknown) => {
          res.statusCode = 599;
          res.end(String(e));
        });
    });
  });
  // Keep idle connections open longer than any test waits between requests (rate-limit
  // walks pause for seconds), so a client never reuses a socket the server is closing.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    reply: (next) => void (current = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends `body` as JSON with `status`. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** A port nothing listens on: bind an ephemeral port, then release it. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export interface ServedApp {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves an app under test (a node:http listener that reads the request itself) on 127.0.0.1 on a free port. */
export async function serveApp(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<ServedApp> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
