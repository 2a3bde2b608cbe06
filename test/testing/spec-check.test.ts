// The independent checks themselves: the Ajv validator catches what it must, and the
// fake's table of operations is exactly the spec's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SPEC_OPERATIONS } from "../../src/testing/operations.js";
import { checkResponse, SPEC_PATH } from "./support/spec-check.js";

describe("the spec check (Ajv over bapi-2026-05-12.yml)", () => {
  const user = { id: "user_1", object: "user" };
  it("rejects a User body missing required fields, a wrong type and a null where the spec forbids it", () => {
    expect(checkResponse("GET", "/users/user_1", 200, user).join("\n")).toMatch(
      /must have required property 'username'/,
    );
    expect(checkResponse("GET", "/users/count", 200, { object: "total_count", total_count: "3" }).join()).toMatch(
      /must be integer/,
    );
    expect(checkResponse("GET", "/users/count", 200, { object: "total_count", total_count: 3 })).toEqual([]);
    expect(checkResponse("GET", "/organizations", 200, { data: [], total_count: null }).join()).toMatch(/total_count/);
  });
  it("checks error answers against ClerkErrors", () => {
    expect(checkResponse("GET", "/users/x", 404, { errors: [{ code: "x", message: "y" }] }).join()).toMatch(
      /long_message/,
    );
    expect(
      checkResponse("GET", "/users/x", 404, {
        errors: [{ code: "x", message: "y", long_message: "z" }],
        clerk_trace_id: "t",
      }),
    ).toEqual([]);
  });
});

describe("src/testing/operations.ts", () => {
  it("lists every operation of the spec with its method and path, and nothing else", () => {
    const spec = parse(readFileSync(SPEC_PATH, "utf8")) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const fromSpec: string[] = [];
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (operation.operationId) fromSpec.push(`${method.toUpperCase()} ${path} ${operation.operationId}`);
      }
    }
    expect([...SPEC_OPERATIONS].sort()).toEqual(fromSpec.sort());
  });
});
