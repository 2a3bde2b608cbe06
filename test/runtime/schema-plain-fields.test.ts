import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { freeForm, inbound, openEnum, outbound } from "../../src/lib/schema.js";

// Bare primitive fields are checked inline (no `~run` call); these pin that the
// inline path accepts and rejects exactly what the wrapped valibot schema would.
type Row = {
  id: string;
  count: number | null;
  flag?: boolean;
  kind: "a" | (string & {});
  meta?: Record<string, unknown>;
  note?: string | null;
};
const Row = inbound<Row>({
  id: ["id", v.string()],
  count: ["count", v.nullable(v.number())],
  flag: ["flag", v.optional(v.boolean())],
  kind: ["kind", openEnum(["a"])],
  meta: ["public_metadata", v.optional(freeForm<Record<string, unknown>>())],
  note: ["note", v.nullish(v.string())],
});

const issues = (value: unknown) => v.safeParse(Row, value).issues?.map((i) => [v.getDotPath(i), i.message]);

describe("inline checks of plain fields", () => {
  it("accepts what the schemas accept, renamed, metadata by reference, unknown keys kept", () => {
    const meta = { Team_Name: { nested: [1, 2] } };
    const res = v.safeParse(Row, {
      id: "u1",
      count: null,
      flag: false,
      kind: "zzz",
      public_metadata: meta,
      note: null,
      extra: 1,
    });
    expect(res.success).toBe(true);
    expect(res.output).toEqual({ id: "u1", count: null, flag: false, kind: "zzz", meta, note: null, extra: 1 });
    expect((res.output as Row).meta).toBe(meta);
  });

  it("rejects wrong types and nulls where the schema does, with the wire path", () => {
    expect(issues({ id: 1, count: "3", kind: "a" })).toEqual([
      ["id", "Invalid type: Expected string but received 1"],
      ["count", 'Invalid type: Expected number but received "3"'],
    ]);
    expect(issues({ id: null, count: 1, kind: "a", flag: null })?.map((i) => i[0])).toEqual(["id", "flag"]);
    expect(issues({ id: "x", count: 1, kind: "a", public_metadata: [1] })?.map((i) => i[0])).toEqual([
      "public_metadata",
    ]);
    expect(issues({ id: "x", count: 1, kind: 7 })?.map((i) => i[0])).toEqual(["kind"]);
  });

  it("outbound: NaN is not a number, as in valibot", () => {
    const Out = outbound<{ limit?: number }>({ limit: ["limit", v.optional(v.number())] });
    expect(v.safeParse(Out, { limit: Number.NaN }).success).toBe(false);
    expect(v.safeParse(Out, { limit: 10 }).output).toEqual({ limit: 10 });
  });

  it("a field with checks (pipe) still runs them", () => {
    const Out = outbound<{ limit?: number }>({ limit: ["limit", v.optional(v.pipe(v.number(), v.minValue(1)))] });
    expect(v.safeParse(Out, { limit: 0 }).success).toBe(false);
  });
});
