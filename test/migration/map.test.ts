import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createClerkClient, type ClerkClient } from "@clerk/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClerkCore } from "../../src/core.js";
import * as funcs from "../../src/funcs/index.js";
import { migrationMap } from "../../scripts/migration/map.js";
import { withTable } from "../../scripts/migration/render.js";
import { sendJson, startHttpServer, type SeenRequest, type TestServer } from "../support/http-server.js";
import { samples, type Backend, type Sample } from "./samples.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SECRET = "sk_test_migration_map";

/** Every `resource.method` of createClerkClient's API classes, found on the real objects. */
function backendMethods(): string[] {
  const client = createClerkClient({ secretKey: SECRET });
  const out: string[] = [];
  for (const [resource, api] of Object.entries(client)) {
    // Plain functions (authenticateRequest) and the telemetry collector are not API classes.
    if (typeof api !== "object" || api === null || resource === "telemetry") continue;
    for (
      let proto = Object.getPrototypeOf(api);
      proto && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto)
    ) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        // requireId is AbstractAPI's argument check, not an API call.
        if (
          name === "constructor" ||
          name === "requireId" ||
          typeof (api as unknown as Record<string, unknown>)[name] !== "function"
        )
          continue;
        out.push(`${resource}.${name}`);
      }
    }
  }
  return out.sort();
}

/** "GET /users/{user_id}" of every generated function: the routes of the 2026-05-12 API. */
function apiRoutes(): string[] {
  return readdirSync(`${root}src/funcs`)
    .filter((f) => f !== "index.ts")
    .map((f) => {
      const m = /\bmethod: "([A-Z]+)",\s*path: "([^"]+)"/.exec(readFileSync(`${root}src/funcs/${f}`, "utf8"))!;
      return `${m[1]} ${m[2]}`;
    });
}

let server: TestServer;
let backend: ClerkClient;
let core: ClerkCore;
beforeAll(async () => {
  server = await startHttpServer((_seen, res) => sendJson(res, 200, {}));
  backend = createClerkClient({ secretKey: SECRET, apiUrl: server.url });
  core = new ClerkCore({ serverUrl: `${server.url}/v1`, bearerAuth: SECRET, retryConfig: { strategy: "none" } });
});
afterAll(() => server.close());

/**
 * What a request carries, in a form two clients can agree on: the path without the
 * API version, the query as sorted pairs, a JSON body parsed, multipart fields by name.
 */
async function wire(seen: SeenRequest) {
  const url = new URL(seen.target, server.url);
  const type = String(seen.headers["content-type"] ?? "");
  let body: unknown = seen.body.length ? seen.body.toString("utf8") : undefined;
  if (type.includes("json") && seen.body.length) body = JSON.parse(seen.body.toString("utf8"));
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(new Uint8Array(seen.body), { headers: { "content-type": type } }).formData();
    const fields: [string, string][] = [];
    for (const [name, value] of form)
      fields.push([name, typeof value === "string" ? value : `file:${await value.text()}`]);
    body = fields.sort();
  }
  return {
    method: seen.method,
    path: url.pathname.replace(/^\/v1(?=\/)/, ""),
    query: [...url.searchParams].sort(),
    body,
  };
}

/** Runs `send` and returns the requests it made, in a stable order (@clerk/backend may send two at once). */
async function recorded(send: () => Promise<unknown>) {
  const before = server.seen.length;
  await send();
  const seen = await Promise.all(server.seen.slice(before).map(wire));
  return seen.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Calls the sample's @clerk/backend method, checking it is the method the row names. */
function callBackend(name: string, run: Backend): Promise<unknown> {
  const [resource, method] = name.split(".") as [keyof ClerkClient, string];
  const used: string[] = [];
  const spy = new Proxy(backend, {
    get: (target, key) => {
      const api = target[key as keyof ClerkClient];
      if (typeof api !== "object" || api === null) return api;
      return new Proxy(api, {
        get: (t, m) => {
          used.push(`${String(key)}.${String(m)}`);
          const value = (t as unknown as Record<string | symbol, unknown>)[m];
          // Bound to the real object: @clerk/backend's classes keep #private fields.
          return typeof value === "function" ? value.bind(t) : value;
        },
      });
    },
  });
  const result = run(spy);
  expect(used[0], name).toBe(`${String(resource)}.${method}`);
  return result;
}

describe("the migration map (scripts/migration/map.ts)", () => {
  it("has one row for every method of @clerk/backend's API classes, and no other", () => {
    const methods = backendMethods();
    expect(methods.length).toBeGreaterThan(180);
    expect(Object.keys(migrationMap).sort()).toEqual(methods);
  });

  it("has a sample call for every row, and only those", () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(migrationMap).sort());
  });

  it("each sample calls exactly the functions its row names (or none, for rows not in the API)", () => {
    for (const [name, replacement] of Object.entries(migrationMap)) {
      const own = samples[name]!;
      if ("none" in replacement) {
        expect(
          own.every((s) => "route" in s),
          name,
        ).toBe(true);
        continue;
      }
      const used = new Set(own.flatMap((s) => ("calls" in s ? s.calls.map((c) => c.fn) : [])));
      expect([...used].sort(), name).toEqual([...replacement.fns].sort());
    }
  });

  it("each pair sends the same method, path, query and body", async () => {
    let pairs = 0;
    const refused: string[] = [];
    for (const [name, list] of Object.entries(samples)) {
      for (const s of list) {
        if (!("calls" in s)) continue;
        // @clerk/backend throws on `{}` answers; only its request matters here.
        const theirs = await recorded(() => callBackend(name, s.backend).catch(() => undefined));
        const ours = await recorded(async () => {
          for (const c of s.calls) {
            const fn = funcs[c.fn] as (core: ClerkCore, request: unknown) => Promise<{ ok: boolean; error?: Error }>;
            const res = await fn(core, c.request);
            // A request our own validation refused would send nothing: say so, not just "0 requests".
            if (!res.ok && res.error?.name === "InvalidRequestError") refused.push(`${name}: ${res.error.message}`);
          }
        });
        expect.soft(ours, name).toEqual(theirs);
        expect.soft(theirs.length, name).toBe(s.calls.length);
        pairs++;
      }
    }
    expect(refused).toEqual([]);
    expect(pairs).toBeGreaterThan(180);
  });

  it("a method marked not in the API sends to a route the API document does not have", async () => {
    const routes = new Set(apiRoutes().map((r) => r.replace(/\{[^}]+\}/g, "{}")));
    let absent = 0;
    for (const [name, list] of Object.entries(samples)) {
      for (const s of list as Sample[]) {
        if (!("route" in s)) continue;
        const [sent] = await recorded(() => callBackend(name, s.backend).catch(() => undefined));
        const [method, template] = s.route.split(" ") as [string, string];
        const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
        expect(sent?.method, name).toBe(method);
        expect(sent?.path, name).toMatch(pattern);
        expect(routes.has(s.route.replace(/\{[^}]+\}/g, "{}")), name).toBe(false);
        absent++;
      }
    }
    expect(absent).toBe(Object.values(migrationMap).filter((r) => "none" in r).length);
  });

  it("docs/migrating-from-clerk-backend.md holds the table rendered from the map", () => {
    const doc = readFileSync(`${root}docs/migrating-from-clerk-backend.md`, "utf8");
    // Rendering is idempotent on the committed doc only if the doc's table is the current one
    // (prettier aligns the committed table; compare cell text, not padding).
    const cells = (text: string) =>
      text
        .split("\n")
        .filter((l) => l.startsWith("|"))
        .map((l) =>
          l
            .split(/(?<!\\)\|/)
            .map((c) => c.trim().replace(/^-+$/, "---"))
            .join("|"),
        );
    expect(cells(doc)).toEqual(cells(withTable(doc, root)));
  });
});
