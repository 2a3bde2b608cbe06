// Schemas to IR nodes and models: every component schema gets a model, and
// every inline object with properties is hoisted into a named model of its own.
import type { Checks, Model, Node } from "./ir.js";
import type { RepairLog } from "./log.js";
import { lowerFirst, pascal, propertyNames } from "./naming.js";
import { refName } from "./normalize.js";
import { UNDECLARED, type Document, type Schema } from "./openapi.js";

/** What building models needs: the document, the models so far and the names taken. */
export interface ModelContext {
  readonly doc: Document;
  readonly log: RepairLog;
  readonly models: Map<string, Model>;
  /** Type names in use: a hoisted model takes the next free one. */
  readonly taken: Set<string>;
  /** Component schema name → model id (absent: skipped, referenced as unknown). */
  readonly componentId: Map<string, string>;
  /** Directory under src/models for component models ("components", "webhooks"). */
  readonly componentDir: string;
  /** Every object property optional and nullable (the webhooks document). */
  readonly tolerant: boolean;
  /** Shared responses (components.responses) already modelled, by name. */
  readonly sharedResponses: Map<string, Node>;
}

/** `want`, or `want2`, `want3`… if taken. */
export function uniqueName(ctx: ModelContext, want: string): string {
  let name = want;
  for (let i = 2; ctx.taken.has(name); i++) name = `${want}${i}`;
  ctx.taken.add(name);
  return name;
}

/** Names every component schema (sorted, so names are stable), then models each one. */
export function modelComponents(
  ctx: ModelContext,
  skip: ReadonlySet<string>,
  prefix: string,
  handWritten: Readonly<Record<string, { id: string; file: string }>>,
): void {
  const schemas = ctx.doc.components?.schemas ?? {};
  const names = Object.keys(schemas).sort();
  for (const name of names) {
    if (skip.has(name)) continue;
    const own = handWritten[name];
    if (own) {
      ctx.taken.add(own.id);
      ctx.componentId.set(name, own.id);
      ctx.models.set(own.id, {
        id: own.id,
        file: own.file,
        handWritten: true,
        deprecated: false,
        origin: `schema ${name}`,
        inbound: false,
        outbound: false,
      });
      ctx.log.add(
        `schema ${name}`,
        `not emitted: references use the hand-written ${own.id} (src/${own.file.replace(/^\.\.\//, "")}.ts)`,
      );
      continue;
    }
    const want = prefix + pascal(name);
    const id = uniqueName(ctx, want);
    if (id !== want) ctx.log.add(`schema ${name}`, `type name ${want} already taken: named ${id}`);
    ctx.componentId.set(name, id);
  }
  for (const name of names) {
    const id = ctx.componentId.get(name);
    if (id && !handWritten[name])
      namedModel(ctx, schemas[name]!, id, `${ctx.componentDir}/${lowerFirst(id)}`, `schema ${name}`);
  }
}

/** A named model for a schema that must have a name (component, body, response). */
function namedModel(ctx: ModelContext, s: Schema, id: string, file: string, origin: string): Model {
  if (isObjectWithShape(s)) return objectModel(ctx, s, id, file, origin);
  const model: Model = { id, file, deprecated: !!s.deprecated, origin, inbound: false, outbound: false };
  ctx.models.set(id, model);
  model.alias = toNode(ctx, s, id, file, origin);
  return model;
}

/** A node for a schema referenced by `$ref` or hoisted under a new name: always a model reference. */
export function modelNode(ctx: ModelContext, s: Schema, want: string, file: string, origin: string): Node {
  return s.$ref
    ? toNode(ctx, s, want, file, origin)
    : { k: "model", id: namedModel(ctx, s, uniqueName(ctx, want), file, origin).id };
}

function objectModel(ctx: ModelContext, s: Schema, id: string, file: string, origin: string): Model {
  const props = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  const names = propertyNames(
    props.map(([wire, p]) => ({ wire, deprecated: !!p.deprecated })),
    (msg) => ctx.log.add(origin, msg),
  );
  const model: Model = { id, file, props: [], deprecated: !!s.deprecated, origin, inbound: false, outbound: false };
  if (
    s.additionalProperties === true ||
    (typeof s.additionalProperties === "object" && s.additionalProperties !== null)
  )
    model.extraKeys = true;
  // Registered before its properties are built, so a recursive reference finds it.
  ctx.models.set(id, model);
  model.props = props.map(([wire, p]) => {
    const name = names.get(wire)!;
    const node = toNode(ctx, p, id + pascal(name), file, `${origin}.${wire}`);
    if (ctx.tolerant && node.k !== "unknown") node.nullable = true;
    return {
      wire,
      name,
      node,
      required: !ctx.tolerant && required.has(wire),
      deprecated: !!p.deprecated,
      undeclared: !!p[UNDECLARED],
    };
  });
  return model;
}

/** The node of a schema; inline objects with properties are hoisted as `hint` (or the next free name). */
export function toNode(ctx: ModelContext, s: Schema, hint: string, file: string, origin: string): Node {
  const nullable = s.nullable ? { nullable: true } : {};
  if (s.$ref) return referenceNode(ctx, s.$ref, !!s.nullable, origin);
  if (s[UNDECLARED]) return { k: "unknown" };
  if (Array.isArray(s.oneOf)) return unionNode(ctx, s, s.oneOf, hint, file, origin);
  if (s.type === "array") {
    return {
      k: "array",
      items: s.items ? toNode(ctx, s.items, `${hint}Item`, file, `${origin}[]`) : { k: "unknown" },
      c: checks(s),
      ...nullable,
    };
  }
  if (s.type === "object" || s.properties) {
    if (isObjectWithShape(s))
      return { k: "model", id: objectModel(ctx, s, uniqueName(ctx, hint), file, origin).id, ...nullable };
    const ap = s.additionalProperties;
    if (ap && typeof ap === "object" && Object.keys(ap).length > 0)
      return { k: "map", values: toNode(ctx, ap, hint, file, `${origin}{}`), ...nullable };
    return { k: "free", ...nullable };
  }
  if (s.type === "string") {
    if (s.format === "binary") return { k: "binary", ...nullable };
    const node: Node & { k: "string" } = { k: "string", c: checks(s), ...nullable };
    if (s.format) node.format = s.format;
    if (Array.isArray(s.enum)) {
      node.enum = s.enum.filter((e): e is string => typeof e === "string");
      if (s["x-speakeasy-unknown-values"] === "allow") node.open = true;
    }
    return node;
  }
  if (s.type === "integer" || s.type === "number") {
    const node: Node & { k: "number" } = { k: "number", integer: s.type === "integer", c: checks(s), ...nullable };
    if (s.format) node.format = s.format;
    return node;
  }
  if (s.type === "boolean") return { k: "boolean", ...nullable };
  return { k: "unknown" };
}

function referenceNode(ctx: ModelContext, ref: string, nullable: boolean, origin: string): Node {
  const name = refName(ref);
  const id = ctx.componentId.get(name);
  if (!id) {
    ctx.log.add(origin, `reference to skipped schema ${name} typed as unknown`);
    return { k: "unknown" };
  }
  // A component may itself be nullable: every reference to it then is.
  return { k: "model", id, ...(nullable || ctx.doc.components?.schemas?.[name]?.nullable ? { nullable: true } : {}) };
}

function unionNode(ctx: ModelContext, s: Schema, oneOf: Schema[], hint: string, file: string, origin: string): Node {
  const variants = oneOf.map((v, i) => toNode(ctx, v, `${hint}${i + 1}`, file, `${origin}|${i}`));
  const node: Node & { k: "union" } = { k: "union", variants, ...(s.nullable ? { nullable: true } : {}) };
  if (s.discriminator?.mapping) {
    const cases: [string, number][] = [];
    for (const [value, ref] of Object.entries(s.discriminator.mapping)) {
      const idx = oneOf.findIndex((v) => v.$ref === ref);
      if (idx >= 0) cases.push([value, idx]);
    }
    node.disc = { prop: s.discriminator.propertyName, cases };
  }
  return node;
}

/** The node of a shared response (components.responses), modelled once under its own name. */
export function sharedResponseNode(ctx: ModelContext, name: string, prefix: string): Node | undefined {
  const hit = ctx.sharedResponses.get(name);
  if (hit) return hit;
  const schema = ctx.doc.components?.responses?.[name]?.content?.["application/json"]?.schema;
  if (!schema) return undefined;
  const id = schema.$ref ? "" : uniqueName(ctx, prefix + pascal(name));
  const node: Node = schema.$ref
    ? toNode(ctx, schema, name, "", `response ${name}`)
    : { k: "model", id: namedModel(ctx, schema, id, `${ctx.componentDir}/${lowerFirst(id)}`, `response ${name}`).id };
  ctx.sharedResponses.set(name, node);
  return node;
}

/** Validation constraints of a schema, OpenAPI 3.0's boolean exclusive bounds turned into values. */
function checks(s: Schema): Checks {
  const c: Checks = {};
  for (const key of [
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
  ] as const) {
    if (s[key] !== undefined) (c as Record<string, unknown>)[key] = s[key];
  }
  // OpenAPI 3.0 marks an exclusive bound with a boolean beside the bound itself.
  if (s.exclusiveMinimum === true && c.minimum !== undefined) {
    c.exclusiveMinimum = c.minimum;
    delete c.minimum;
  }
  if (s.exclusiveMaximum === true && c.maximum !== undefined) {
    c.exclusiveMaximum = c.maximum;
    delete c.maximum;
  }
  if (typeof s.exclusiveMinimum === "number") c.exclusiveMinimum = s.exclusiveMinimum;
  if (typeof s.exclusiveMaximum === "number") c.exclusiveMaximum = s.exclusiveMaximum;
  return c;
}

function isObjectWithShape(s: Schema): boolean {
  if (s.$ref || s.oneOf || s[UNDECLARED]) return false;
  if (s.type !== "object" && !s.properties) return false;
  if (s.properties && Object.keys(s.properties).length > 0) return true;
  // `additionalProperties: false` with no properties: an (empty) closed object.
  return s.additionalProperties === false;
}
