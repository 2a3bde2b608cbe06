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

export type Handler = (seen: SeenRequest, res: ServerResponse, index: number) => unknown;

export interface TestServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

/** A real HTTP server on an ephemeral port; `handler` answers each request. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const seen: SeenRequest[] = [];
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
      Promise.resolve(handler(entry, res, seen.length - 1)).catch((e: unknown) => {
        res.statusCode = 599;
        res.end(String(e));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends `body` as JSON with `status`. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
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
