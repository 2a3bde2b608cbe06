import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClerkCore } from "../../src/core.js";
import { SDKBaseError } from "../../src/errors/index.js";
import { startHttpServer } from "../support/http-server.js";
import type { TestServer } from "../support/http-server.js";
import { wireUser } from "../support/builders.js";
import { usersCreate, usersDelete, usersGet } from "./support/ops.js";

interface Reply {
  status: number;
  headers: [string, string][];
  body: string;
}
let current: Reply = { status: 200, headers: [], body: "" };
let server: TestServer;
beforeAll(async () => {
  server = await startHttpServer((_s, res) => {
    try {
      for (const [k, v] of current.headers) res.setHeader(k, v);
      res.writeHead(current.status);
      res.end(current.body);
    } catch {
      res.destroy();
    }
  });
});
afterAll(() => server.close());

const headerName = fc.constantFrom(
  "content-type",
  "retry-after",
  "x-anything",
  "content-encoding",
  "cache-control",
  "location",
);
const headerValue = fc.oneof(
  fc.constantFrom("application/json", "text/html", "1", "0", "Wed, 21 Oct 2015 07:28:00 GMT", "gzip", "garbage", ""),
  fc.string({ unit: fc.constantFrom(..."abc 0123;=/-,".split("")) }),
);
const body = fc.oneof(
  fc.string(),
  fc.json(),
  fc.constant(JSON.stringify(wireUser())),
  fc.constant(JSON.stringify({ errors: [{ code: "x", message: "y" }] })),
  fc.jsonValue().map((v) => JSON.stringify({ errors: v })),
  fc.constant("<html>502</html>"),
);
const reply = fc.record({
  status: fc.oneof(
    fc.integer({ min: 200, max: 599 }),
    fc.constantFrom(200, 201, 204, 400, 404, 422, 429, 500, 502, 503),
  ),
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 }),
  body,
});

describe("whatever the server answers, the call resolves to a Result", () => {
  it("arbitrary statuses, headers and bodies", async () => {
    const clerk = new ClerkCore({ serverUrl: server.url, retryConfig: { strategy: "none" }, timeoutMs: 2_000 });
    await fc.assert(
      fc.asyncProperty(reply, fc.constantFrom("get", "create", "delete"), async (r, which) => {
        current = r;
        const promise =
          which === "get"
            ? usersGet(clerk, { userId: "u" })
            : which === "create"
              ? usersCreate(clerk, { requestBody: {} })
              : usersDelete(clerk, { userId: "u" });
        const res = await promise; // a rejection fails the property
        expect(typeof res.ok).toBe("boolean");
        if (res.ok) {
          expect(r.status).toBeGreaterThanOrEqual(200);
          expect(r.status).toBeLessThan(300);
        } else {
          expect(res.error).toBeInstanceOf(Error);
          expect(typeof res.error.name).toBe("string");
          if (r.status >= 300 && res.error instanceof SDKBaseError) expect(res.error.statusCode).toBe(r.status);
        }
      }),
      { numRuns: 150 },
    );
  });
});
