// A node:http proxy in front of fake.listen(): it forwards every request unchanged and checks
// every JSON answer against Clerk's spec (the Ajv check of spec-check.ts), so a client that
// only speaks HTTP (@clerk/backend) is driven over the real server while each body is
// validated on the way back. The checker is passed in, because spec-check.ts reads the spec
// when it is imported.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type CheckResponse = (method: string, path: string, status: number, body: unknown) => string[];

export interface CheckingProxy {
  /** Origin to give @clerk/backend as `apiUrl` (it adds /v1 itself where it uses it). */
  readonly origin: string;
  /** Problems found since the last take, and how many bodies were validated. */
  take(): { problems: string[]; validated: number };
  close(): Promise<void>;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The spec describes the bare-array answer of the lists that take `paginated`; with
 * paginated=true Clerk wraps the same items as { data, total_count }, so the items are checked
 * against the array schema and total_count must be a count.
 */
function checkAnswer(
  check: CheckResponse,
  method: string,
  path: string,
  query: URLSearchParams,
  status: number,
  body: unknown,
): string[] {
  const wrapped = body as { data?: unknown; total_count?: unknown } | null;
  if (query.get("paginated") === "true" && status < 300 && Array.isArray(wrapped?.data)) {
    const count = Number.isInteger(wrapped.total_count) ? [] : [`${method} ${path}: total_count is not an integer`];
    const keys = Object.keys(wrapped).filter((key) => key !== "data" && key !== "total_count");
    const extra = keys.length > 0 ? [`${method} ${path}: unexpected keys ${keys.join(", ")}`] : [];
    return [...check(method, path, status, wrapped.data), ...count, ...extra];
  }
  return check(method, path, status, body);
}

export async function startCheckingProxy(target: string, check: CheckResponse): Promise<CheckingProxy> {
  const upstream = new URL(target).origin;
  let problems: string[] = [];
  let validated = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string" && name !== "host" && name !== "connection") headers.set(name, value);
      const method = req.method ?? "GET";
      const response = await fetch(`${upstream}${req.url ?? "/"}`, {
        method,
        headers,
        ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
      });
      const text = await response.text();
      if (text !== "") {
        const url = new URL(req.url ?? "/", upstream);
        const path = url.pathname.replace(/^\/v1(?=\/)/, "");
        problems.push(
          ...checkAnswer(check, method, path, url.searchParams, response.status, JSON.parse(text) as unknown),
        );
        validated += 1;
      }
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(text);
    })().catch((error: unknown) => {
      problems.push(`proxy failure: ${String(error)}`);
      res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    take() {
      const taken = { problems, validated };
      problems = [];
      validated = 0;
      return taken;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
