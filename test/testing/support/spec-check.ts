// An independent check of the fake's answers: every response body is validated with Ajv
// against Clerk's OpenAPI spec (../shared/openapi/bapi-2026-05-12.yml), strictly (required
// fields must be present, additionalProperties: false is enforced). Routing to the
// operation is done here from the spec's own paths, not with the fake's router.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));
export const SPEC_PATH = process.env["CLERK_OPENAPI_SPEC"] || resolve(REPO, "../shared/openapi/bapi-2026-05-12.yml");
export const WEBHOOKS_SPEC_PATH = resolve(REPO, "../shared/openapi/webhooks-2025-04-15.yml");

type Json = Record<string, unknown>;

/** OpenAPI 3.0 -> JSON Schema: `nullable: true` becomes "or null"; OpenAPI-only keywords go. */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== "object" || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (
      key === "nullable" ||
      key === "discriminator" ||
      key === "example" ||
      key === "examples" ||
      key.startsWith("x-")
    )
      continue;
    out[key] =
      key === "properties" || key === "definitions"
        ? Object.fromEntries(Object.entries(value as Json).map(([name, schema]) => [name, toJsonSchema(schema)]))
        : toJsonSchema(value);
  }
  return (node as Json)["nullable"] === true ? { anyOf: [out, { type: "null" }] } : out;
}

export function createAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (ajv: Ajv) => void)(ajv);
  for (const name of ["int32", "int64", "float", "double", "binary", "byte", "password"]) ajv.addFormat(name, true);
  return ajv;
}

const spec = parse(readFileSync(SPEC_PATH, "utf8")) as Json & {
  paths: Record<string, Record<string, Json>>;
  components: Json;
};
const ajv = createAjv();
ajv.addSchema({ $id: "bapi", components: toJsonSchema(spec.components) } as Json);

interface SpecRoute {
  method: string;
  pattern: RegExp;
  params: number;
  operation: Json;
}
const routes: SpecRoute[] = [];
for (const [path, item] of Object.entries(spec.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
    const params = (path.match(/\{/g) ?? []).length;
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    routes.push({ method: method.toUpperCase(), pattern, params, operation });
  }
}

function deref(node: unknown): Json {
  let current = node as Json;
  while (current && typeof current["$ref"] === "string") {
    const [, section, kind, name] = (current["$ref"] as string).split("/");
    current = ((spec[section as string] as Json)[kind as string] as Json)[name as string] as Json;
  }
  return current;
}

const compiled = new Map<string, ValidateFunction>();
function validatorFor(key: string, schema: () => unknown): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    // References inside the spec's schemas point at "#/components/…" of the document "bapi".
    const rewritten = JSON.parse(JSON.stringify(toJsonSchema(schema())).replace(/"\$ref":"#\//g, '"$ref":"bapi#/'));
    validate = ajv.compile(rewritten);
    compiled.set(key, validate);
  }
  return validate;
}

function operationFor(method: string, path: string): { operationId: string; operation: Json } | undefined {
  const candidates = routes
    .filter((route) => route.method === method && route.pattern.test(path))
    .sort((a, b) => a.params - b.params);
  const found = candidates[0];
  return found ? { operationId: found.operation["operationId"] as string, operation: found.operation } : undefined;
}

/** Problems with `body` as the answer `status` to METHOD path (under /v1), or [] when valid. */
export function checkResponse(method: string, path: string, status: number, body: unknown): string[] {
  const route = operationFor(method, path);
  if (status >= 300 || !route) {
    const validate = validatorFor("ClerkErrors", () => ({ $ref: "#/components/schemas/ClerkErrors" }));
    return validate(body)
      ? []
      : [`${method} ${path} ${status}: not a ClerkErrors body: ${ajv.errorsText(validate.errors)}`];
  }
  const responses = route.operation["responses"] as Json;
  const declared = responses[String(status)] ?? responses["2XX"] ?? responses["default"];
  if (!declared) return [`${method} ${path}: status ${status} is not declared for ${route.operationId}`];
  const schema = (deref(declared)["content"] as Json | undefined)?.["application/json"] as Json | undefined;
  if (!schema?.["schema"])
    return body === undefined ? [] : [`${route.operationId} ${status}: the spec declares no JSON body`];
  const validate = validatorFor(`${route.operationId} ${status}`, () => schema["schema"]);
  return validate(body)
    ? []
    : [`${route.operationId} ${status}: ${ajv.errorsText(validate.errors, { separator: "\n  " })}`];
}
