// auth calls four of Clerk's endpoints through hand-written descriptors (see
// src/auth/clerkApi.ts) and reads their answers by wire name. This checks
// both against the spec, so a renamed path or field cannot go unnoticed.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { GET_JWKS, VERIFY } from "../../../src/auth/clerkApi.js";
import { skipReason, specPath } from "../../contract/spec-path.js";

type Schema = { $ref?: string; properties?: Record<string, unknown>; anyOf?: Schema[]; oneOf?: Schema[] };
type SpecOperation = {
  operationId: string;
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: Schema }> }>;
};

const skip = skipReason();
const spec =
  skip || !existsSync(specPath()) ? undefined : parse(readFileSync(specPath(), "utf8"), { maxAliasCount: -1 });

/** Follows a local `$ref` ("#/components/…") to what it names. */
function resolve<T extends { $ref?: string }>(node: T): T {
  if (!node.$ref) return node;
  const target = node.$ref
    .slice(2)
    .split("/")
    .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], spec);
  return resolve(target as T);
}

function operation(id: string): { method: string; path: string; op: SpecOperation } {
  for (const [path, item] of Object.entries(spec.paths as Record<string, Record<string, SpecOperation>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (op?.operationId === id) return { method: method.toUpperCase(), path, op };
    }
  }
  throw new Error(`no operation ${id} in the spec`);
}

/** Every property name a JSON schema declares, through refs and unions. */
function propertyNames(schema: Schema): string[] {
  const s = resolve(schema);
  const branches = [...(s.anyOf ?? []), ...(s.oneOf ?? [])];
  return [...Object.keys(s.properties ?? {}), ...branches.flatMap(propertyNames)];
}

function jsonSchema(content: Record<string, { schema: Schema }> | undefined): Schema {
  const json = content?.["application/json"];
  if (!json) throw new Error("no application/json content");
  return json.schema;
}

// The fields machineRecordFrom reads from each verify answer.
const READ_FIELDS = {
  m2m_token: ["id", "subject", "scopes", "claims", "revoked", "expired"],
  api_key: ["id", "subject", "name", "scopes", "claims", "revoked", "expired"],
  oauth_token: ["id", "subject", "client_id", "scopes", "revoked", "expired", "active"],
} as const;

describe.skipIf(skip !== undefined)(`auth's Clerk endpoints match the spec${skip ? ` (${skip})` : ""}`, () => {
  it("GET /jwks is the spec's GetJWKS", () => {
    const { method, path } = operation(GET_JWKS.id);
    expect([GET_JWKS.method, GET_JWKS.path]).toEqual([method, path]);
    const body = resolve(operation(GET_JWKS.id).op.responses["200"]!);
    expect(propertyNames(jsonSchema(body.content))).toContain("keys");
  });

  it.each(Object.entries(VERIFY))("%s: method, path and the body field that carries the token", (kind, verify) => {
    const { method, path, op } = operation(verify.op.id);
    expect([verify.op.method, verify.op.path]).toEqual([method, path]);
    expect(propertyNames(jsonSchema(op.requestBody?.content))).toContain(verify.field);
    const answer = propertyNames(jsonSchema(resolve(op.responses["200"]!).content));
    expect(answer).toEqual(expect.arrayContaining([...READ_FIELDS[kind as keyof typeof READ_FIELDS]]));
  });
});
