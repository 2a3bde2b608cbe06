import { describe, expect, it } from "vitest";
import { emitClient } from "../../codegen/emit-client.js";
import type { IR, Op } from "../../codegen/ir.js";

// Only the fields emitClient reads; the rest of an Op does not matter to it.
const op = (fn: string, group: string, member: string, deprecated = false) =>
  ({ fn, group, member, method: "GET", path: `/${fn}`, deprecated }) as Op;
const irOf = (...ops: Op[]) => ({ ops }) as unknown as IR;

describe("emit-client", () => {
  it("groups members by the halves of the function name, deprecation kept", () => {
    const text = emitClient(irOf(op("usersGet", "users", "get"), op("usersOld", "users", "old", true)), "// banner");
    expect(text).toContain("export interface UsersGroup {");
    expect(text).toContain("readonly get: Bound<typeof usersGet>;");
    expect(text).toContain("get: bindCore(core, usersGet),");
    expect(text).toMatch(/\{@link usersOld\}\n\s+\* @deprecated/);
    expect(text.startsWith("// banner\n")).toBe(true);
  });

  it("refuses a group that would hide Clerk.core, and a member taken twice", () => {
    expect(() => emitClient(irOf(op("coreGet", "core", "get")), "")).toThrow(/hide Clerk.core/);
    expect(() => emitClient(irOf(op("aB", "a", "b"), op("aB2", "a", "b")), "")).toThrow(/clerk\.a\.b is taken twice/);
  });
});
