import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClerkCore } from "../../src/core.js";
import { ResponseValidationError } from "../../src/errors/index.js";
import { camelName } from "../../src/lib/schema.js";
import type { MappedObjectSchema } from "../../src/lib/schema.js";
import { startHttpServer as startServer } from "../support/http-server.js";
import type { TestServer } from "../support/http-server.js";
import { wireUser } from "../support/builders.js";
import { User$inbound, usersGet, usersList } from "./support/ops.js";

// Whatever JSON a server answers with a 2xx, a lenient call gives the value (or,
// for a top level of the wrong kind, ResponseValidationError), never throws, and
// loses no top-level key of an object body.
let reply: { status: number; body: string } = { status: 200, body: "{}" };
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_s, res) => {
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(reply.body);
  });
});
afterAll(() => server.close());

// The model's own wire → property names.
const rows = (User$inbound as unknown as MappedObjectSchema<unknown, unknown>).rows;
const declared = new Map(rows.map(([wire, property]) => [wire, property]));
const properties = new Set(declared.values());

// Top-level keys: the model's wire keys, unknown snake_case keys, and anything at all.
const key = fc.oneof(
  fc.constantFrom(...declared.keys()),
  fc.stringMatching(/^[a-z][a-z0-9]{0,6}(_[a-z0-9]{1,6}){0,3}$/),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("__proto__", "constructor", "toString", "firstName", "x5t#S256", "_private", "a__b"),
);
const objectBody = fc.oneof(
  fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 12 }),
  // A real user with some fields replaced by anything, and some unknown ones added.
  fc
    .tuple(fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }))
    .map(([extra]) => ({ ...wireUser(), ...extra })),
);
const anyBody = fc.oneof(objectBody, fc.jsonValue({ maxDepth: 4 }));

/** Where a top-level wire key must land in the value. */
function expectedName(wire: string, body: Record<string, unknown>): string | undefined {
  const known = declared.get(wire);
  if (known) return known;
  const name = camelName(wire);
  // A declared property wins a name clash with an unknown key (documented in schema.ts).
  const clash = properties.has(name) && [...declared].some(([w, p]) => p === name && Object.hasOwn(body, w));
  return clash ? undefined : name;
}

describe("lenient decoding, for any JSON a server sends with a 2xx", () => {
  const core = () => new ClerkCore({ serverUrl: server.url, retryConfig: { strategy: "none" } });

  it("an object body is ok and every top-level key reaches the value (unknown ones with the value as sent)", async () => {
    const clerk = core();
    await fc.assert(
      fc.asyncProperty(objectBody, fc.constantFrom(200, 201, 203), async (body, status) => {
        reply = { status, body: JSON.stringify(body) };
        const sent = JSON.parse(reply.body) as Record<string, unknown>;
        const res = await usersGet(clerk, { userId: "u" });
        expect(res.ok).toBe(true);
        const value = res.value as unknown as Record<string, unknown>;
        for (const wire of Object.keys(sent)) {
          const name = expectedName(wire, sent);
          if (name === undefined) continue;
          expect(Object.hasOwn(value, name), `${wire} → ${name}`).toBe(true);
          if (!declared.has(wire)) expect(value[name]).toEqual(sent[wire]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("any JSON: ok, or ResponseValidationError exactly when the top level is the wrong kind; never a throw (both modes)", async () => {
    const clerk = core();
    await fc.assert(
      fc.asyncProperty(
        anyBody,
        fc.constantFrom("get", "list"),
        fc.constantFrom("lenient", "strict") as fc.Arbitrary<"lenient" | "strict">,
        async (body, which, mode) => {
          reply = { status: 200, body: JSON.stringify(body) };
          const sent = JSON.parse(reply.body) as unknown;
          const options = { responseValidation: mode };
          const res =
            which === "get" ? await usersGet(clerk, { userId: "u" }, options) : await usersList(clerk, {}, options);
          const isObject = !!sent && typeof sent === "object" && !Array.isArray(sent);
          const rightKind = which === "get" ? isObject : Array.isArray(sent);
          if (!rightKind) {
            expect(res.error).toBeInstanceOf(ResponseValidationError);
          } else if (mode === "lenient") {
            expect(res.ok).toBe(true);
            if (which === "list") expect((res.value as unknown[]).length).toBe((sent as unknown[]).length);
          } else {
            expect(res.ok || res.error instanceof ResponseValidationError).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
