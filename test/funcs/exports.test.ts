import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ClerkCore } from "../../src/core.js";
import * as funcs from "../../src/funcs/index.js";

// The naming rule from DESIGN.md, restated independently of codegen/naming.ts.
const camelWords = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean);
const upper = (w: string) => w[0]!.toUpperCase() + w.slice(1);
function expectedName(group: string, name: string): string {
  const g = camelWords(group);
  const head =
    g.length > 1 ? g[0]!.toLowerCase() + g.slice(1).map(upper).join("") : g[0]![0]!.toLowerCase() + g[0]!.slice(1);
  return head + camelWords(name).map(upper).join("");
}

const specPath =
  process.env.CLERK_OPENAPI_SPEC ??
  fileURLToPath(new URL("../../../shared/openapi/bapi-2026-05-12.yml", import.meta.url));
const spec = parse(readFileSync(specPath, "utf8"), { maxAliasCount: -1 }) as {
  paths: Record<string, Record<string, Record<string, unknown>>>;
};
const ops = Object.values(spec.paths).flatMap((item) => Object.values(item));

describe("clerk-fn/funcs barrel", () => {
  const exported = Object.entries(funcs);

  it("exports exactly one function per operation: 249", () => {
    expect(ops).toHaveLength(249);
    expect(exported).toHaveLength(249);
    expect(exported.every(([, f]) => typeof f === "function")).toBe(true);
  });

  it("names every function camelCase(group or first tag) + PascalCase(name override or operationId)", () => {
    const expected = ops.map((op) => {
      const group = (op["x-speakeasy-group"] as string | undefined) ?? (op.tags as string[])[0]!;
      return expectedName(group, (op["x-speakeasy-name-override"] as string | undefined) ?? (op.operationId as string));
    });
    expect(new Set(expected).size).toBe(249);
    expect(exported.map(([n]) => n).sort()).toEqual([...expected].sort());
    expect(funcs).toHaveProperty("emailAddressesGet");
    expect(funcs).toHaveProperty("usersList");
    expect(funcs).toHaveProperty("apiKeysGetApiKeys");
  });

  it("every function takes (core, request?, options?) and the function's own name", () => {
    for (const [name, fn] of exported) {
      expect(fn.length, name).toBe(3);
      expect(fn.name, name).toBe(name);
    }
  });

  it("every function resolves to a Result, never throws, when nothing answers", async () => {
    const refused = new ClerkCore({
      serverUrl: "http://127.0.0.1:9/v1",
      bearerAuth: "sk_test_x",
      retryConfig: { strategy: "none" },
      fetch: () =>
        Promise.reject(
          new TypeError("fetch failed", {
            cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
          }),
        ),
    });
    const names = new Set<string>();
    for (const [, fn] of exported) {
      const call = fn as (core: ClerkCore, request?: unknown) => Promise<{ ok: boolean; error?: Error }>;
      // Both an empty request and garbage must come back as an error value.
      for (const request of [undefined, { notAField: 1 }]) {
        const res = await call(refused, request);
        expect(res.ok).toBe(false);
        names.add(res.error!.name);
      }
    }
    expect([...names].sort()).toEqual(["ConnectionError", "InvalidRequestError"]);
  });
});
