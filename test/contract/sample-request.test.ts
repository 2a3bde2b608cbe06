import * as v from "valibot";
import { describe, expect, test } from "vitest";
import { freeForm, openEnum, outbound } from "../../src/lib/schema.js";
import { modelProblems } from "./model-check.js";
import { regexSample } from "./regex-sample.js";
import { sampleRequest, UnsampleableSchemaError } from "./sample-request.js";

// The builder's own checks: what it makes must satisfy the schema it walked.
interface Node {
  name: string;
  children?: Node[] | undefined;
}
const Tree: v.GenericSchema<Node, unknown> = outbound<Node>({
  name: ["name", v.string()],
  children: ["children", v.optional(v.array(v.lazy(() => Tree)))],
});

const Request = outbound<{
  userId: string;
  limit?: number | undefined;
  orderBy?: string | undefined;
  emails?: string[] | undefined;
  tree?: Node | undefined;
  requestBody: {
    firstName: string;
    publicMetadata?: Record<string, unknown> | undefined;
    website?: string | null | undefined;
    code?: string | undefined;
    kind?: string | undefined;
    ttl?: number | undefined;
    file?: Blob | undefined;
    choice?: string | { a: number } | undefined;
  };
}>({
  userId: ["user_id", v.pipe(v.string(), v.regex(/^user_\w{27}$/))],
  limit: ["limit", v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)))],
  orderBy: ["order_by", v.optional(v.picklist(["created_at", "-created_at"]))],
  emails: ["email_address", v.optional(v.pipe(v.array(v.pipe(v.string(), v.email())), v.maxLength(10)))],
  tree: ["tree", v.optional(Tree)],
  requestBody: [
    "requestBody",
    outbound({
      firstName: ["first_name", v.pipe(v.string(), v.minLength(12), v.maxLength(20))],
      publicMetadata: ["public_metadata", v.optional(freeForm())],
      website: ["website", v.nullish(v.pipe(v.string(), v.url()))],
      code: ["code", v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/)))],
      kind: ["kind", v.optional(openEnum(["saml", "oidc"]))],
      ttl: ["ttl", v.optional(v.pipe(v.number(), v.gtValue(30)))],
      file: ["file", v.optional(v.instance(Blob))],
      choice: ["choice", v.optional(v.union([v.string(), outbound({ a: ["a", v.number()] })]))],
    }),
  ],
});

describe("sampleRequest", () => {
  test("minimal sets only required inputs and satisfies the schema", () => {
    const sample = sampleRequest(Request, "minimal") as Record<string, any>;
    expect(v.safeParse(Request, sample).success).toBe(true);
    expect(Object.keys(sample).sort()).toEqual(["requestBody", "userId"]);
    expect(Object.keys(sample.requestBody)).toEqual(["firstName"]);
    expect(sample.userId).toMatch(/^user_\w{27}$/);
    expect(sample.requestBody.firstName.length).toBeGreaterThanOrEqual(12);
  });

  test("maximal sets every optional input, two array items, nested metadata", () => {
    const sample = sampleRequest(Request, "maximal") as Record<string, any>;
    const parsed = v.safeParse(Request, sample);
    expect(parsed.issues ?? []).toEqual([]);
    expect(Object.keys(sample).sort()).toEqual(["emails", "limit", "orderBy", "requestBody", "tree", "userId"]);
    expect(sample.emails).toHaveLength(2);
    expect(new Set(sample.emails).size).toBe(2);
    expect(sample.limit).toBeLessThanOrEqual(5);
    expect(sample.requestBody.ttl).toBeGreaterThan(30);
    expect(sample.requestBody.code).toMatch(/^[A-Z]{2}$/);
    expect(sample.requestBody.kind).toBe("saml");
    expect(sample.requestBody.file).toBeInstanceOf(Blob);
    expect(sample.requestBody.choice).toEqual({ a: 10 });
    expect(sample.requestBody.website).toMatch(/^https:\/\//);
    expect(Object.keys(sample.requestBody.publicMetadata).length).toBeGreaterThan(1);
    expect(JSON.stringify(sample.requestBody.publicMetadata)).toContain("deeper");
    // Recursion stops: the tree is finite and still valid.
    expect(JSON.stringify(sample.tree).length).toBeLessThan(5_000);
  });

  test("an opaque custom check gets the first typical value it accepts", () => {
    const binary = v.custom<Blob>((x) => x instanceof Blob);
    expect(sampleRequest(outbound({ file: ["file", binary] }), "minimal")).toEqual({ file: expect.any(Blob) });
    expect(
      sampleRequest(
        v.custom<number>((x) => typeof x === "number"),
        "minimal",
      ),
    ).toBe(10);
    expect(() =>
      sampleRequest(
        v.custom(() => false),
        "minimal",
      ),
    ).toThrow(UnsampleableSchemaError);
  });

  test("an unknown schema node is reported, not guessed", () => {
    expect(() => sampleRequest(v.symbol(), "minimal")).toThrow(UnsampleableSchemaError);
  });
});

describe("regexSample", () => {
  test.each([
    /^[A-Z]{2}$/,
    /^[^_][A-Za-z0-9_-]*$/,
    /^aplt_[0-9A-Fa-f]{32}$/,
    /^(\S(.*\S)?)?$/,
    /^(user|org|mch|scim)_\w{27}$/,
    /^(ak|api_key)_[0-9A-Fa-f]{32}$/,
  ])("%s", (re) => {
    const a = regexSample(re, 0)!;
    const b = regexSample(re, 1)!;
    expect(a).toMatch(re);
    expect(b).toMatch(re);
    expect(a).not.toBe(b);
  });
});

describe("modelProblems", () => {
  const schema = {
    type: "object",
    properties: {
      created_at: { type: "integer" },
      public_metadata: { type: "object", additionalProperties: true },
      tags: { type: "array", items: { type: "string" } },
    },
  };
  const raw = { created_at: 1, public_metadata: { a_b: { c_d: 1 } }, tags: ["x"], extra_field: true };
  const resolve = (n: unknown) => n as Record<string, unknown>;

  test("accepts a camelCase value with metadata untouched and unknown fields dropped", () => {
    expect(
      modelProblems(schema, raw, { createdAt: 1, publicMetadata: { a_b: { c_d: 1 } }, tags: ["x"] }, resolve),
    ).toEqual([]);
  });

  test("flags snake_case keys, missing fields, renamed metadata and changed values", () => {
    expect(modelProblems(schema, raw, { created_at: 1, publicMetadata: { aB: { cD: 1 } } }, resolve)).toEqual([
      "$.created_at: key not converted to camelCase",
      "$.public_metadata: free-form map was not passed through untouched",
      "$.tags: on the wire but missing from the value",
    ]);
    expect(
      modelProblems(schema, raw, { createdAt: 2, publicMetadata: raw.public_metadata, tags: ["x"] }, resolve),
    ).toEqual(["$.created_at: wire 1 became 2"]);
  });
});

describe("modelProblems with oneOf", () => {
  const resolve = (n: unknown) => n as Record<string, unknown>;
  const schema = {
    oneOf: [
      { type: "object", properties: { other_thing: { type: "string" } } },
      { type: "object", properties: { object: { type: "string" }, expire_at: { type: "integer" } } },
    ],
  };
  const raw = { object: "verification_otp", expire_at: 5 };

  test("the branch that declares the wire's keys must match; a vacuous branch does not excuse it", () => {
    expect(modelProblems(schema, raw, { object: "verification_otp", expireAt: 5 }, resolve)).toEqual([]);
    expect(modelProblems(schema, raw, { object: "verification_otp", expire_at: 5 }, resolve)).toEqual([
      "$.expire_at: key not converted to camelCase",
    ]);
  });
});
