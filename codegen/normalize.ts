// Repairs the defects of Clerk's document (see ../shared/openapi/README.md) into
// plain, regular OpenAPI, logging one line per repair. It never drops a field:
// anything it cannot type precisely becomes `unknown` rather than disappearing.
import type { RepairLog } from "./log.js";
import { TEXT_BODY, UNDECLARED, type Document } from "./openapi.js";

// The input as parsed YAML: any shape at all until repaired. The result has the
// shape openapi.ts describes, which is what the IR reads.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type RawSchema = Record<string, any>;
type Schema = RawSchema;
type Doc = Record<string, any>;

const REF_PREFIX = "#/components/schemas/";
const NO_BODY_STATUSES = new Set(["202", "204", "205"]);

export function refName(ref: string): string {
  if (!ref.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(REF_PREFIX.length);
}

export function normalize(input: Doc, log: RepairLog): Document {
  const doc: Doc = structuredClone(input);
  doc.components ??= {};
  const raw: Record<string, Schema> = doc.components.schemas ?? {};
  const done = new Map<string, Schema>();
  const inProgress = new Set<string>();

  const component = (name: string): Schema => {
    const hit = done.get(name);
    if (hit) return hit;
    const schema = raw[name];
    if (!schema) throw new Error(`$ref to missing schema ${name}`);
    if (inProgress.has(name)) return schema; // a cycle through allOf: use the raw form
    inProgress.add(name);
    const fixed = fix(schema, `schema ${name}`);
    inProgress.delete(name);
    done.set(name, fixed);
    return fixed;
  };

  const fix = (s: Schema, where: string): Schema => {
    if (!s || typeof s !== "object") return s;
    if (s.$ref) {
      // OpenAPI 3.0 ignores siblings of $ref; keep only the facts we model.
      const out: Schema = { $ref: s.$ref };
      if (s.nullable) out.nullable = true;
      if (s.deprecated) out.deprecated = true;
      return out;
    }
    let out: Schema = { ...s };
    for (const key of ["allOf", "oneOf"] as const) {
      const parts = out[key];
      if (Array.isArray(parts) && parts.length === 1 && parts[0].$ref) {
        log.add(
          where,
          `single-$ref ${key} wrapper${out.nullable ? " (nullable)" : ""} → ${out.nullable ? "nullable " : ""}reference to ${refName(parts[0].$ref)}`,
        );
        const ref: Schema = { $ref: parts[0].$ref };
        if (out.nullable) ref.nullable = true;
        if (out.deprecated) ref.deprecated = true;
        return ref;
      }
    }
    if (Array.isArray(out.allOf)) {
      const merged = mergeAllOf(out, where);
      log.add(
        where,
        `allOf of ${out.allOf.length} parts merged into one object (${Object.keys(merged.properties).length} properties)`,
      );
      out = merged;
    }
    if (Array.isArray(out.anyOf)) {
      const branches: Schema[] = out.anyOf;
      if (branches.every((b) => Object.keys(b).every((k) => k === "required"))) {
        const lists = branches.map((b) => (b.required ?? []) as string[]);
        const always = lists[0]!.filter((n) => lists.every((l) => l.includes(n)));
        out.required = [...new Set([...(out.required ?? []), ...always])];
        log.add(
          where,
          `anyOf whose branches only list required (${lists.map((l) => l.join("+")).join(" | ")}) dropped; those properties stay optional`,
        );
        delete out.anyOf;
      } else {
        log.add(where, `anyOf of ${branches.length} schemas treated as a union (oneOf)`);
        out.oneOf = branches;
        delete out.anyOf;
      }
    }
    if (Array.isArray(out.oneOf)) {
      out.oneOf = out.oneOf.map((v: Schema, i: number) => fix(v, `${where} oneOf[${i}]`));
      const disc = out.discriminator;
      if (disc && !disc.mapping) {
        const mapping: Record<string, string> = {};
        for (const v of out.oneOf as Schema[]) {
          if (!v.$ref) continue;
          const target = component(refName(v.$ref));
          const values = target.properties?.[disc.propertyName]?.enum as string[] | undefined;
          const value = values && values.length === 1 ? values[0]! : refName(v.$ref);
          mapping[value] = v.$ref;
        }
        log.add(
          where,
          `discriminator on "${disc.propertyName}" without mapping: derived ${Object.keys(mapping).join(", ")}`,
        );
        out.discriminator = { ...disc, mapping };
      } else if (!disc && out.oneOf.length > 1) {
        log.add(
          where,
          `oneOf of ${out.oneOf.length} without discriminator: decoded as a union, the variant with the most required properties tried first`,
        );
      }
      delete out.type; // "type: object" next to oneOf adds nothing
      return out;
    }
    if (out.enum && out.type === "boolean") {
      log.add(where, `boolean enum ${JSON.stringify(out.enum)} typed as boolean`);
      delete out.enum;
    }
    if (!out.type && out.properties) out.type = "object";
    if (out.properties) {
      const props: Record<string, Schema> = {};
      for (const [k, v] of Object.entries(out.properties as Record<string, Schema>)) props[k] = fix(v, `${where}.${k}`);
      const required: string[] = out.required ?? [];
      const missing = required.filter((r) => !(r in props));
      for (const name of missing) {
        props[name] = { [UNDECLARED]: true };
        log.add(where, `"${name}" is required but never declared: added as an optional property of unknown type`);
      }
      if (missing.length) out.required = required.filter((r) => !missing.includes(r));
      out.properties = props;
    } else if (out.type === "object" && out.required?.length) {
      const props: Record<string, Schema> = {};
      for (const name of out.required) props[name] = { [UNDECLARED]: true };
      log.add(
        where,
        `required ${out.required.join(", ")} on an object without properties: added as optional unknown properties`,
      );
      out.properties = props;
      delete out.required;
    }
    if (out.items) out.items = fix(out.items, `${where}[]`);
    if (out.additionalProperties && typeof out.additionalProperties === "object") {
      out.additionalProperties = fix(out.additionalProperties, `${where}{}`);
    }
    return out;
  };

  const mergeAllOf = (s: Schema, where: string): Schema => {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    let additionalProperties: unknown;
    const absorb = (part: Schema) => {
      const p = part.$ref ? component(refName(part.$ref)) : part;
      if (Array.isArray(p.allOf)) for (const q of p.allOf) absorb(q);
      Object.assign(properties, p.properties ?? {});
      required.push(...(p.required ?? []));
      if (p.additionalProperties !== undefined) additionalProperties = p.additionalProperties;
    };
    for (const part of s.allOf as Schema[]) absorb(part);
    absorb({ properties: s.properties, required: s.required });
    const merged: Schema = { type: "object", properties, required: [...new Set(required)] };
    // A later part may add properties, so a closed base does not close the merge.
    if (additionalProperties !== undefined && additionalProperties !== false)
      merged.additionalProperties = additionalProperties;
    if (s.nullable) merged.nullable = true;
    if (s.deprecated) merged.deprecated = true;
    return fix(merged, where);
  };

  for (const name of Object.keys(raw).sort()) component(name);
  doc.components.schemas = Object.fromEntries([...done.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

  const fixContent = (content: Record<string, any> | undefined, where: string) => {
    if (!content) return;
    for (const [type, media] of Object.entries(content))
      if (media?.schema) media.schema = fix(media.schema, `${where} ${type}`);
  };
  for (const [name, res] of Object.entries((doc.components.responses ?? {}) as Record<string, any>))
    fixContent(res.content, `response ${name}`);
  for (const [name, param] of Object.entries((doc.components.parameters ?? {}) as Record<string, any>))
    if (param.schema) param.schema = fix(param.schema, `parameter ${name}`);

  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, any>)) {
    for (const [method, op] of Object.entries(item as Record<string, any>)) {
      if (!op || typeof op !== "object" || Array.isArray(op) || method === "parameters") continue;
      const where = op.operationId ?? `${method.toUpperCase()} ${path}`;
      for (const p of op.parameters ?? []) if (p.schema) p.schema = fix(p.schema, `${where} parameter ${p.name}`);
      fixContent(op.requestBody?.content, `${where} request body`);
      for (const [status, res] of Object.entries((op.responses ?? {}) as Record<string, any>)) {
        if (res.$ref) continue;
        fixContent(res.content, `${where} response ${status}`);
        if (/^2/.test(status) && !res.content && !NO_BODY_STATUSES.has(status)) {
          res[TEXT_BODY] = true;
          log.add(where, `${status} response declares no content: its body is returned as text`);
        }
      }
    }
  }
  return doc;
}
