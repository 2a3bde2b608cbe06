import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clerk } from "../../src/client/index.js";
import { ClerkCore } from "../../src/core.js";
import * as funcs from "../../src/funcs/index.js";
import * as root from "../../src/index.js";
import * as operations from "../../src/models/operations/index.js";
import { sampleRequest } from "../contract/sample-request.js";
import { sendJson, startHttpServer, type SeenRequest, type TestServer } from "../support/http-server.js";

type AnyResult = { ok: boolean; value?: unknown; error?: unknown };
type Callable = (...args: unknown[]) => Promise<AnyResult>;

const functions = Object.entries(funcs) as [string, Callable][];
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Every `clerk.<group>.<member>` of a Clerk instance, found by walking the object itself. */
function membersOf(clerk: Clerk): { group: string; member: string; call: Callable }[] {
  const out = [];
  for (const [group, value] of Object.entries(clerk)) {
    if (group === "core") continue;
    for (const [member, call] of Object.entries(value as Record<string, Callable>)) out.push({ group, member, call });
  }
  return out;
}

let server: TestServer;
let body: unknown;
let status = 200;
const SECRET = "sk_test_grouped_client";

beforeAll(async () => {
  server = await startHttpServer((_seen, res) => sendJson(res, status, body));
});
afterAll(() => server.close());

const newCore = () =>
  new ClerkCore({ serverUrl: `${server.url}/v1`, bearerAuth: SECRET, retryConfig: { strategy: "none" } });

/** What reached the socket, with multipart's random boundary replaced so two sends compare. */
function wire(seen: SeenRequest) {
  const type = String(seen.headers["content-type"] ?? "");
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  let text = seen.body.toString("latin1");
  if (boundary) text = text.split(boundary).join("BOUNDARY");
  return {
    method: seen.method,
    target: seen.target,
    contentType: boundary ? type.replace(boundary, "BOUNDARY") : type,
    authorization: seen.headers.authorization,
    body: text,
  };
}

/** One call, and what the server saw for it (exactly one request: retries are off). */
async function send(call: () => Promise<AnyResult>) {
  const before = server.seen.length;
  const result = await call();
  expect(server.seen.length - before).toBe(1);
  return { result, wire: wire(server.seen[before]!) };
}

/** A request for `name` built from its own request schema (every optional input set), or none. */
function requestFor(name: string): unknown {
  const schema = (operations as Record<string, unknown>)[`${upperFirst(name)}Request$outbound`];
  return schema === undefined ? undefined : sampleRequest(schema, "maximal");
}

/** A Result as data: values as decoded; errors by class, status, body and parsed Clerk errors. */
function comparable(result: AnyResult) {
  if (result.ok) return { ok: true, value: result.value };
  const e = result.error as { name: string; message: string; statusCode?: number; body?: string; data?: unknown };
  return { ok: false, name: e.name, message: e.message, statusCode: e.statusCode, body: e.body, data: e.data };
}

describe("clerk-fn/client", () => {
  it("reaches every one of the 249 functions as clerk.<group>.<name>, the two halves of its name", () => {
    const clerk = new Clerk(newCore());
    const members = membersOf(clerk);
    expect(functions).toHaveLength(249);
    expect(members).toHaveLength(249);
    const joined = members.map(({ group, member }) => group + upperFirst(member)).sort();
    expect(joined).toEqual(functions.map(([name]) => name).sort());
    expect(typeof clerk.emailAddresses.get).toBe("function");
    expect(typeof clerk.users.list).toBe("function");
    expect(typeof clerk.apiKeys.getApiKeys).toBe("function");
    expect(typeof clerk.jwks.getJWKS).toBe("function");
  });

  it("each member sends what its function sends and returns an identical Result (2xx)", async () => {
    const core = newCore();
    const clerk = new Clerk(core);
    const byName = new Map(membersOf(clerk).map((m) => [m.group + upperFirst(m.member), m.call]));
    status = 200;
    let okCount = 0;
    for (const [name, fn] of functions) {
      const request = requestFor(name);
      // An object body, or a list for the operations whose model is one.
      let direct!: Awaited<ReturnType<typeof send>>;
      for (const answer of [{ id: "id_1", object: "thing", created_at: 1 }, [{ id: "id_1", object: "thing" }]]) {
        body = answer;
        direct = await send(() => fn(core, request));
        if (direct.result.ok) break;
      }
      const grouped = await send(() => byName.get(name)!(request));
      expect(grouped.wire, name).toEqual(direct.wire);
      expect(comparable(grouped.result), name).toEqual(comparable(direct.result));
      if (grouped.result.ok) okCount++;
    }
    // Every operation decoded the answer, so the comparison above compared values, not one error.
    expect(okCount).toBe(249);
  });

  it("each member returns an identical Result for a Clerk error answer, and for a bad request", async () => {
    const core = newCore();
    const clerk = new Clerk(core);
    const byName = new Map(membersOf(clerk).map((m) => [m.group + upperFirst(m.member), m.call]));
    status = 422;
    body = { errors: [{ code: "form_param_invalid", message: "is invalid", long_message: "is invalid" }] };
    try {
      for (const [name, fn] of functions) {
        const request = requestFor(name);
        const direct = await send(() => fn(core, request));
        const grouped = await send(() => byName.get(name)!(request));
        expect(grouped.wire, name).toEqual(direct.wire);
        expect(comparable(direct.result)).toMatchObject({ ok: false, name: "ClerkErrors", statusCode: 422 });
        expect(comparable(grouped.result), name).toEqual(comparable(direct.result));
      }
    } finally {
      status = 200;
    }
    // Invalid input: nothing is sent, the same InvalidRequestError comes back.
    const before = server.seen.length;
    const direct = await funcs.usersGet(core, { userId: 42 as unknown as string });
    const grouped = await clerk.users.get({ userId: 42 as unknown as string });
    expect(server.seen.length).toBe(before);
    expect(grouped.error?.name).toBe("InvalidRequestError");
    expect(comparable(grouped)).toEqual(comparable(direct));
  });

  it("passes per-call options through (headers, retries, abort signal)", async () => {
    const clerk = new Clerk({ serverUrl: `${server.url}/v1`, bearerAuth: SECRET });
    body = { id: "user_1", object: "user" };
    const sent = await send(() => clerk.users.get({ userId: "user_1" }, { headers: { "x-trace": "abc" } }));
    expect(sent.wire.target).toBe("/v1/users/user_1");
    expect(server.seen.at(-1)!.headers["x-trace"]).toBe("abc");
    const aborted = await clerk.users.get({ userId: "user_1" }, { signal: AbortSignal.abort() });
    expect(aborted.error?.name).toBe("RequestAbortedError");
  });

  it("new Clerk(options) builds its own core; new Clerk(core) shares the one given", async () => {
    const core = newCore();
    expect(new Clerk(core).core).toBe(core);
    const own = new Clerk({ serverUrl: `${server.url}/v1`, bearerAuth: SECRET, apiVersion: "2099-01-01" });
    expect(own.core).toBeInstanceOf(ClerkCore);
    body = { id: "user_1", object: "user" };
    const sent = await send(() => own.users.get({ userId: "user_1" }));
    expect(sent.wire.authorization).toBe(`Bearer ${SECRET}`);
    expect(server.seen.at(-1)!.headers["clerk-api-version"]).toBe("2099-01-01");
    // No options (or a null from loosely typed code): Clerk's defaults, and nothing throws.
    expect(new Clerk().core.serverUrl).toBe("https://api.clerk.com/v1");
    expect(new Clerk(null as never).core.serverUrl).toBe("https://api.clerk.com/v1");
    // A core from another copy of the package (ESM beside CJS) is used, not taken for options.
    const foreign = { ...core, bearerToken: () => "sk_test_other_copy" } as unknown as ClerkCore;
    expect(new Clerk(foreign).core).toBe(foreign);
  });

  it("the secret key does not show in the client's JSON", () => {
    const clerk = new Clerk({ bearerAuth: SECRET });
    expect(JSON.stringify(clerk)).not.toContain(SECRET);
  });

  it("is not part of the root barrel (clerk-fn), which stays free of it", () => {
    expect(root).not.toHaveProperty("Clerk");
  });
});
