// Validates a delivered webhook body against the event's request schema in Clerk's
// webhooks spec (webhooks-2025-04-15.yml), with the same Ajv setup as spec-check.ts.
import { readFileSync } from "node:fs";
import type { ValidateFunction } from "ajv";
import { parse } from "yaml";
import { createAjv, toJsonSchema, WEBHOOKS_SPEC_PATH } from "./spec-check.js";

type Json = Record<string, unknown>;
const spec = parse(readFileSync(WEBHOOKS_SPEC_PATH, "utf8")) as Json & {
  "x-webhooks": Record<string, Json>;
  components: Json;
};

/**
 * The webhooks spec extends objects with allOf, e.g. SessionEventPayload = allOf[Session,
 * { user }], where Session says additionalProperties: false. Read literally as JSON Schema
 * that can never validate (Session's branch rejects `user`); the spec means "Session plus
 * user". So object branches of an allOf are merged into one object schema first.
 */
function mergeAllOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(mergeAllOf);
  if (typeof node !== "object" || node === null) return node;
  const out: Json = Object.fromEntries(Object.entries(node as Json).map(([k, v]) => [k, mergeAllOf(v)]));
  const branches = out["allOf"];
  if (!Array.isArray(branches)) return out;
  const resolved = branches.map((branch: Json) =>
    typeof branch["$ref"] === "string" ? (mergeAllOf(resolveRef(branch["$ref"])) as Json) : branch,
  );
  if (!resolved.every((branch) => branch["properties"] !== undefined || branch["type"] === "object")) return out;
  const { allOf: _allOf, ...rest } = out;
  return {
    ...rest,
    type: "object",
    properties: Object.assign({}, ...resolved.map((branch) => branch["properties"] ?? {})),
    required: [...new Set(resolved.flatMap((branch) => (branch["required"] as string[] | undefined) ?? []))],
    ...(resolved.some((branch) => branch["additionalProperties"] === false) ? { additionalProperties: false } : {}),
  };
}

function resolveRef(ref: string): Json {
  const [, , kind, name] = ref.split("/");
  return ((spec.components[kind as string] as Json)[name as string] as Json) ?? {};
}

const ajv = createAjv();
ajv.addSchema({ $id: "webhooks", components: toJsonSchema(mergeAllOf(spec.components)) } as Json);
const compiled = new Map<string, ValidateFunction>();

/** Problems with `payload` as an event of `type`, or [] when it is valid. */
export function checkWebhookPayload(type: string, payload: unknown): string[] {
  const event = spec["x-webhooks"][type];
  if (!event) return [`${type} is not an event of the webhooks spec`];
  let validate = compiled.get(type);
  if (!validate) {
    const schema = (((event["post"] as Json)["requestBody"] as Json)["content"] as Json)["application/json"] as Json;
    const rewritten = JSON.parse(
      JSON.stringify(toJsonSchema(schema["schema"])).replace(/"\$ref":"#\//g, '"$ref":"webhooks#/'),
    );
    validate = ajv.compile(rewritten);
    compiled.set(type, validate);
  }
  return validate(payload) ? [] : [`${type}: ${ajv.errorsText(validate.errors, { separator: "\n  " })}`];
}
