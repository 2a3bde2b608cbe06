// Fault injection: fast-check draws a script of server behaviours
// (statuses, Retry-After values, redirects, stalls, resets, bodies that stop,
// echoed secrets) and one call runs against it on a real node:http server.
// Whatever the script, the call must end (within its timeout/signal, generous
// bound), never throw, never send more than the retry policy allows, never
// follow a redirect, and never expose the key in message, inspect, toJSON or logs.
import { inspect } from "node:util";
import type { ServerResponse } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The Node entry of clerk-fn/core: its errors have the inspect view these tests check.
import { ClerkCore, logTo } from "../../src/node/core.js";
import { parseRetryAfter } from "../../src/retries/index.js";
import type { RetryConfig } from "../../src/retries/index.js";
import { sendJson, startHttpServer } from "../support/http-server.js";
import type { TestServer } from "../support/http-server.js";
import { wireUser } from "../support/builders.js";
import { usersCreate, usersGet } from "./support/ops.js";

type Behaviour =
  | { kind: "status"; status: number; retryAfter: string | undefined; echo: boolean }
  | { kind: "redirect"; status: number }
  | { kind: "ok"; echo: boolean }
  | { kind: "stall" }
  | { kind: "reset" }
  | { kind: "body-stops" };

const behaviour: fc.Arbitrary<Behaviour> = fc.oneof(
  fc.record({
    kind: fc.constant("status" as const),
    status: fc.constantFrom(400, 401, 404, 422, 429, 500, 502, 503),
    retryAfter: fc.option(
      fc.constantFrom("0", "1", "a 5", "-1", "0.5", "Wed, 21 Oct 2015 07:28:00 GMT", "Sun, 06 Nov 2044 08:49:37 GMT"),
      { nil: undefined },
    ),
    echo: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("redirect" as const), status: fc.constantFrom(301, 302, 303, 307, 308) }),
  fc.record({ kind: fc.constant("ok" as const), echo: fc.boolean() }),
  fc.constant({ kind: "stall" as const }),
  fc.constant({ kind: "reset" as const }),
  fc.constant({ kind: "body-stops" as const }),
);

const KEYS = ["sk_test_Zm9vYmFyYmF6cXV4c2VjcmV0a2V5MTIz", "opaque-token-0123456789abcdef"];
const TIMEOUT_MS = 150;
const policy: RetryConfig = {
  strategy: "backoff",
  backoff: { initialInterval: 20, maxInterval: 100, exponent: 2, maxElapsedTime: 600 },
  retryConnectionErrors: true,
};

// The most attempts the policy allows: each retry waits at least half its backoff interval.
function maxAttempts(): number {
  const { initialInterval, maxInterval, exponent, maxElapsedTime } = (
    policy as { backoff: Required<NonNullable<Extract<RetryConfig, { strategy: "backoff" }>["backoff"]>> }
  ).backoff;
  let attempts = 1;
  for (let waited = 0, retry = 1; ; retry++) {
    waited += Math.min(maxInterval, initialInterval * exponent ** (retry - 1)) / 2;
    if (waited > maxElapsedTime) return attempts;
    attempts++;
  }
}

let script: Behaviour[] = [];
let run = 0;
const ofThisRun = () => server.seen.filter((s) => s.headers["x-run"] === String(run));
let key = KEYS[0]!;
const open = new Set<ServerResponse>();
let server: TestServer;
let elsewhere: TestServer;

function answer(res: ServerResponse, index: number): void {
  const b = script[Math.min(index, script.length - 1)]!;
  const echoed = `key ${key} Bearer ${key} Bearer%20${encodeURIComponent(key)} x${key}`;
  switch (b.kind) {
    case "status":
      return sendJson(
        res,
        b.status,
        b.echo
          ? { errors: [{ code: "echo", message: "m", long_message: echoed }] }
          : { errors: [{ code: "c", message: "m" }] },
        b.retryAfter === undefined ? {} : { "retry-after": b.retryAfter },
      );
    case "redirect":
      res.writeHead(b.status, { location: `${elsewhere.url}/users` });
      return void res.end();
    case "ok":
      return sendJson(res, 200, b.echo ? { id: 5, first_name: echoed } : wireUser());
    case "stall":
      open.add(res);
      return;
    case "reset":
      return void res.socket?.destroy();
    case "body-stops":
      open.add(res);
      res.writeHead(200, { "content-type": "application/json" });
      return void res.write('{"id":');
  }
}

beforeAll(async () => {
  // A request of an earlier run can still arrive after that run ended (the client
  // gave up while it was in flight): each run tags its requests and counts only its own.
  server = await startHttpServer((s, res) =>
    s.headers["x-run"] === String(run) ? answer(res, ofThisRun().length - 1) : res.destroy(),
  );
  elsewhere = await startHttpServer((_s, res) => sendJson(res, 200, wireUser()));
});
afterAll(async () => {
  await server.close();
  await elsewhere.close();
});

const validRetryAfter = (b: Behaviour | undefined) =>
  b?.kind === "status" && (b.status === 429 || b.status === 503) && parseRetryAfter(b.retryAfter) !== undefined;

describe("fault injection: whatever the server does", () => {
  it("every call ends, never throws, stays within the retry policy, follows no redirect and never shows the key", async () => {
    const limit = maxAttempts();
    await fc.assert(
      fc.asyncProperty(
        fc.array(behaviour, { minLength: 1, maxLength: 8 }),
        fc.constantFrom("GET", "POST"),
        fc.constantFrom(...KEYS),
        fc.option(fc.integer({ min: 20, max: 700 }), { nil: undefined }),
        async (drawn, method, drawnKey, abortAfter) => {
          script = drawn;
          key = drawnKey;
          run++;
          elsewhere.seen.length = 0;
          const lines: string[] = [];
          const clerk = new ClerkCore({
            serverUrl: server.url,
            bearerAuth: key,
            retryConfig: policy,
            timeoutMs: TIMEOUT_MS,
            debugLogger: logTo({ debug: (line: string) => lines.push(line) }),
          });
          const signal = abortAfter === undefined ? undefined : AbortSignal.timeout(abortAfter);
          const options = { signal, headers: { "x-run": String(run) } };
          const call =
            method === "GET"
              ? usersGet(clerk, { userId: "u" }, options)
              : usersCreate(clerk, { requestBody: { firstName: "A" } }, options);
          // Generous bound: the policy's 600 ms budget + one last attempt's timeout + slack for a loaded machine.
          const outcome = await Promise.race([
            call,
            new Promise<"pending">((resolve) => setTimeout(resolve, 8_000, "pending")),
          ]);
          for (const res of open) res.destroy();
          open.clear();

          expect(outcome).not.toBe("pending");
          if (outcome === "pending") return;
          const seen = ofThisRun().length;
          expect(seen).toBeLessThanOrEqual(limit);
          expect(elsewhere.seen).toHaveLength(0);
          const used = (i: number) => script[Math.min(i, script.length - 1)];
          for (let i = 1; i < seen; i++) {
            // Nothing follows a redirect or a success.
            expect(["redirect", "ok"]).not.toContain(used(i - 1)!.kind);
            // A POST is sent again only after a 429/503 with a valid Retry-After.
            if (method === "POST") expect(validRetryAfter(used(i - 1))).toBe(true);
          }
          if (!outcome.ok) {
            const error = outcome.error as Error;
            for (const text of [
              error.message,
              String(error.stack),
              inspect(error),
              JSON.stringify(error),
              lines.join("\n"),
            ]) {
              expect(text).not.toContain(key);
              expect(text).not.toContain(encodeURIComponent(key));
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 300_000);
});
