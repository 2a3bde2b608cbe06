// Builds the intermediate representation from a normalized document: named
// models (one per component schema plus every inline object, hoisted), and
// operations that point at them. Emitters only ever read this.
import { camel, functionName, kebab, lowerFirst, pascal, propertyNames } from "./naming.js";
import { refName, TEXT_BODY, UNDECLARED, type Schema } from "./normalize.js";
import type { RepairLog } from "./log.js";
import { pageOf } from "./pages.js";
import { mergeRepeatedShapes } from "./shapes.js";

export interface Checks {
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

type Base = { nullable?: boolean };
export type Node = Base &
  (
    | { k: "model"; id: string }
    | { k: "string"; enum?: string[]; open?: boolean; format?: string; c: Checks }
    | { k: "number"; integer: boolean; format?: string; c: Checks }
    | { k: "boolean" }
    | { k: "array"; items: Node; c: Checks }
    | { k: "free" }
    | { k: "map"; values: Node }
    | { k: "union"; variants: Node[]; disc?: { prop: string; cases: [string, number][] } }
    | { k: "unknown" }
    | { k: "binary" }
  );

export interface Prop {
  wire: string;
  name: string;
  node: Node;
  required: boolean;
  deprecated: boolean;
  undeclared: boolean;
}

export interface Model {
  id: string;
  /** "components/user" or "operations/usersCreate" (no extension). */
  file: string;
  /** Object with properties, or an alias of any other node. */
  props?: Prop[];
  /** Objects only: the spec allows extra keys. */
  extraKeys?: boolean;
  alias?: Node;
  /** Set when this inline shape repeats another's: `alias` then points at that model. */
  sameShapeAs?: string;
  deprecated: boolean;
  /** Where it came from, for doc comments: "schema User", "request body of CreateUser". */
  origin: string;
  inbound: boolean;
  outbound: boolean;
}

export interface Param {
  wire: string;
  name: string;
  node: Node;
  required: boolean;
  deprecated: boolean;
  comma: boolean;
}

export type ResponseKind = { status: string; kind: "json"; node: Node } | { status: string; kind: "empty" | "text" };

export interface Op {
  fn: string;
  id: string;
  method: string;
  path: string;
  tag: string;
  deprecated: boolean;
  pathParams: Param[];
  query: Param[];
  body?: { node: Node; required: boolean; encoding: "json" | "multipart"; name: string };
  /** Model id of the whole request object; absent when there are no inputs. */
  request?: string;
  requestRequired: boolean;
  response: ResponseKind;
  errorStatuses: string[];
  referenceUrl: string;
  /** False when the operation declares `security: []` (a public endpoint): no secret key is sent. */
  authenticated: boolean;
  /** List operations (they take `limit` and `offset`): what a pager needs to know. */
  page?: Page;
}

/** The generator's side of src/lib/pagination.ts's PageInfo. */
export interface Page {
  shape: "array" | "envelope" | "flag";
  maxLimit?: number;
  /** camelCase property that identifies an item. */
  idField: string;
  /** camelCase envelope property holding the items, when not `data`. */
  itemsField?: string;
  /** The node of one item. */
  items: Node;
  /** "flag" only: model id of the `{ data, totalCount }` answer to `paginated: true`. */
  envelope?: string;
}

export interface IR {
  models: Map<string, Model>;
  ops: Op[];
  serverUrl: string;
  version: string;
  retries: unknown;
}

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export interface BuildOptions {
  /** Component schemas not to model (their references become unknown). */
  skipSchemas?: string[];
  /** Directory under src/models for component models (default "components"). */
  componentDir?: string;
  /** Prefix for component type names, to keep another document's names apart. */
  namePrefix?: string;
  /**
   * Every object property optional and nullable. For documents whose own
   * examples break their `required` and `nullable` (the webhooks document).
   */
  tolerant?: boolean;
}

export function buildIR(doc: Record<string, any>, log: RepairLog, opts: BuildOptions = {}): IR {
  const dir = opts.componentDir ?? "components";
  const prefix = opts.namePrefix ?? "";
  const schemas: Record<string, Schema> = doc.components?.schemas ?? {};
  const models = new Map<string, Model>();
  const taken = new Set<string>();
  const unique = (want: string): string => {
    let name = want;
    for (let i = 2; taken.has(name); i++) name = `${want}${i}`;
    taken.add(name);
    return name;
  };
  const skip = new Set(opts.skipSchemas ?? []);
  const componentId = new Map<string, string>();
  for (const name of Object.keys(schemas).sort()) {
    if (skip.has(name)) continue;
    const want = prefix + pascal(name);
    const id = unique(want);
    if (id !== want) log.add(`schema ${name}`, `type name ${want} already taken: named ${id}`);
    componentId.set(name, id);
  }

  const checks = (s: Schema): Checks => {
    const c: Checks = {};
    for (const key of ["minLength", "maxLength", "minimum", "maximum", "pattern", "minItems", "maxItems", "uniqueItems"] as const) {
      if (s[key] !== undefined) (c as Record<string, unknown>)[key] = s[key];
    }
    // OpenAPI 3.0 booleans turn minimum/maximum exclusive.
    if (s.exclusiveMinimum === true && c.minimum !== undefined) (c.exclusiveMinimum = c.minimum), delete c.minimum;
    if (s.exclusiveMaximum === true && c.maximum !== undefined) (c.exclusiveMaximum = c.maximum), delete c.maximum;
    if (typeof s.exclusiveMinimum === "number") c.exclusiveMinimum = s.exclusiveMinimum;
    if (typeof s.exclusiveMaximum === "number") c.exclusiveMaximum = s.exclusiveMaximum;
    return c;
  };

  const objectModel = (s: Schema, id: string, file: string, origin: string): Model => {
    const props = Object.entries((s.properties ?? {}) as Record<string, Schema>);
    const required = new Set<string>(s.required ?? []);
    const names = propertyNames(
      props.map(([wire, p]) => ({ wire, deprecated: !!p.deprecated })),
      (msg) => log.add(origin, msg),
    );
    const model: Model = { id, file, props: [], deprecated: !!s.deprecated, origin, inbound: false, outbound: false };
    if (s.additionalProperties === true || (typeof s.additionalProperties === "object" && s.additionalProperties !== null)) model.extraKeys = true;
    models.set(id, model);
    model.props = props.map(([wire, p]) => {
      const name = names.get(wire)!;
      const node = toNode(p, id + pascal(name), file, `${origin}.${wire}`);
      if (opts.tolerant && node.k !== "unknown") node.nullable = true;
      return {
        wire,
        name,
        node,
        required: !opts.tolerant && required.has(wire),
        deprecated: !!p.deprecated,
        undeclared: !!p[UNDECLARED],
      };
    });
    return model;
  };

  /** A named model for a schema that must have a name (component, body, response). */
  const namedModel = (s: Schema, id: string, file: string, origin: string): Model => {
    if (isObjectWithShape(s)) return objectModel(s, id, file, origin);
    const model: Model = { id, file, deprecated: !!s.deprecated, origin, inbound: false, outbound: false };
    models.set(id, model);
    model.alias = toNode(s, id, file, origin);
    return model;
  };

  const toNode = (s: Schema, hint: string, file: string, origin: string): Node => {
    const nullable = s.nullable ? { nullable: true } : {};
    if (s.$ref) {
      const name = refName(s.$ref);
      const id = componentId.get(name);
      if (!id) {
        log.add(origin, `reference to skipped schema ${name} typed as unknown`);
        return { k: "unknown" };
      }
      // A component may itself be nullable: every reference to it then is.
      return { k: "model", id, ...(s.nullable || schemas[name]?.nullable ? { nullable: true } : {}) };
    }
    if (s[UNDECLARED]) return { k: "unknown" };
    if (Array.isArray(s.oneOf)) {
      const variants = (s.oneOf as Schema[]).map((v, i) => toNode(v, `${hint}${i + 1}`, file, `${origin}|${i}`));
      const node: Node = { k: "union", variants, ...nullable };
      if (s.discriminator?.mapping) {
        const cases: [string, number][] = [];
        for (const [value, ref] of Object.entries(s.discriminator.mapping as Record<string, string>)) {
          const idx = (s.oneOf as Schema[]).findIndex((v) => v.$ref === ref);
          if (idx >= 0) cases.push([value, idx]);
        }
        node.disc = { prop: s.discriminator.propertyName, cases };
      }
      return node;
    }
    if (s.type === "array") {
      return { k: "array", items: s.items ? toNode(s.items, `${hint}Item`, file, `${origin}[]`) : { k: "unknown" }, c: checks(s), ...nullable };
    }
    if (s.type === "object" || s.properties) {
      if (isObjectWithShape(s)) {
        const m = objectModel(s, unique(hint), file, origin);
        return { k: "model", id: m.id, ...nullable };
      }
      const ap = s.additionalProperties;
      if (ap && typeof ap === "object" && Object.keys(ap).length > 0) {
        return { k: "map", values: toNode(ap, hint, file, `${origin}{}`), ...nullable };
      }
      return { k: "free", ...nullable };
    }
    if (s.type === "string") {
      if (s.format === "binary") return { k: "binary", ...nullable };
      const node: Node = { k: "string", c: checks(s), ...nullable };
      if (s.format) node.format = s.format;
      if (Array.isArray(s.enum)) {
        node.enum = (s.enum as unknown[]).filter((e): e is string => typeof e === "string");
        if (s["x-speakeasy-unknown-values"] === "allow") node.open = true;
      }
      return node;
    }
    if (s.type === "integer" || s.type === "number") {
      const node: Node = { k: "number", integer: s.type === "integer", c: checks(s), ...nullable };
      if (s.format) node.format = s.format;
      return node;
    }
    if (s.type === "boolean") return { k: "boolean", ...nullable };
    return { k: "unknown" };
  };

  for (const [name, s] of Object.entries(schemas).sort(byKey)) {
    const id = componentId.get(name);
    if (!id) continue;
    namedModel(s, id, `${dir}/${lowerFirst(id)}`, `schema ${name}`);
  }

  // Shared responses (components.responses) with an inline schema get one model each.
  const responses: Record<string, any> = doc.components?.responses ?? {};
  const responseModels = new Map<string, Node>();
  const responseNode = (name: string): Node | undefined => {
    const hit = responseModels.get(name);
    if (hit) return hit;
    const schema = responses[name]?.content?.["application/json"]?.schema as Schema | undefined;
    if (!schema) return undefined;
    let node: Node;
    if (schema.$ref) node = toNode(schema, name, "", `response ${name}`);
    else {
      const id = unique(prefix + pascal(name));
      node = { k: "model", id: namedModel(schema, id, `${dir}/${lowerFirst(id)}`, `response ${name}`).id };
    }
    responseModels.set(name, node);
    return node;
  };

  const params: Record<string, any> = doc.components?.parameters ?? {};
  const resolveParam = (p: any) => (p.$ref ? params[p.$ref.split("/").pop()] : p);

  const ops: Op[] = [];
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, any>)) {
    for (const [method, op] of Object.entries(item as Record<string, any>)) {
      if (!op || typeof op !== "object" || Array.isArray(op) || method === "parameters") continue;
      const tag: string = op.tags?.[0] ?? "default";
      const group: string = op["x-speakeasy-group"] ?? tag;
      const fn = functionName(group, op["x-speakeasy-name-override"] ?? op.operationId);
      if (seen.has(fn)) throw new Error(`function name ${fn} of ${op.operationId} collides with ${seen.get(fn)}`);
      seen.set(fn, op.operationId);
      ops.push(buildOp(fn, path, method, op, tag));
    }
  }
  ops.sort((a, b) => (a.fn < b.fn ? -1 : 1));

  function buildOp(fn: string, path: string, method: string, op: any, tag: string): Op {
    const Fn = pascal(fn);
    const file = `operations/${fn}`;
    const raw = ((op.parameters ?? []) as any[]).map(resolveParam).filter((p) => p.in === "path" || p.in === "query");
    for (const p of ((op.parameters ?? []) as any[]).map(resolveParam)) {
      if (p.in !== "path" && p.in !== "query") log.add(op.operationId, `${p.in} parameter ${p.name} not modelled`);
    }
    const jsonBody = op.requestBody?.content?.["application/json"];
    const multipart = op.requestBody?.content?.["multipart/form-data"];
    const media = jsonBody ?? multipart;
    const names = propertyNames(
      [...raw.map((p) => ({ wire: p.name as string, deprecated: !!p.deprecated })), ...(media ? [{ wire: "requestBody", deprecated: false }] : [])],
      (msg) => log.add(op.operationId, msg),
    );
    const param = (p: any): Param => ({
      wire: p.name,
      name: names.get(p.name)!,
      node: toNode(p.schema ?? {}, Fn + pascal(p.name), file, `${op.operationId} parameter ${p.name}`),
      required: !!p.required || p.in === "path",
      deprecated: !!p.deprecated,
      comma: p.in === "query" && p.schema?.type === "array" && p.explode === false,
    });
    const pathParams = raw.filter((p) => p.in === "path").map(param);
    const query = raw.filter((p) => p.in === "query").map(param);
    let body: Op["body"];
    if (media) {
      const schema: Schema = media.schema ?? {};
      const origin = `request body of ${op.operationId}`;
      const node: Node = schema.$ref ? toNode(schema, Fn, file, origin) : { k: "model", id: namedModel(schema, unique(`${Fn}RequestBody`), file, origin).id };
      body = { node, required: !!op.requestBody.required, encoding: jsonBody ? "json" : "multipart", name: names.get("requestBody")! };
    }
    let request: string | undefined;
    let requestRequired = false;
    if (pathParams.length || query.length || body) {
      const id = unique(`${Fn}Request`);
      const props: Prop[] = [...pathParams, ...query].map((p) => ({ wire: p.wire, name: p.name, node: p.node, required: p.required, deprecated: p.deprecated, undeclared: false }));
      if (body) props.push({ wire: "requestBody", name: body.name, node: body.node, required: body.required, deprecated: false, undeclared: false });
      models.set(id, { id, file, props, deprecated: false, origin: `request of ${op.operationId}`, inbound: false, outbound: true });
      request = id;
      requestRequired = props.some((p) => p.required);
    }
    const statuses = Object.keys(op.responses ?? {}).sort();
    const ok = statuses.find((s) => /^2/.test(s)) ?? "default";
    const res = op.responses?.[ok] ?? {};
    let response: ResponseKind;
    if (res.$ref) {
      const node = responseNode(res.$ref.split("/").pop());
      response = node ? { status: ok, kind: "json", node } : { status: ok, kind: "empty" };
    } else if (res.content?.["application/json"]) {
      const schema: Schema = res.content["application/json"].schema ?? {};
      const origin = `response of ${op.operationId}`;
      const node: Node = schema.$ref ? toNode(schema, Fn, file, origin) : { k: "model", id: namedModel(schema, unique(`${Fn}Response`), file, origin).id };
      response = { status: ok, kind: "json", node };
    } else if (res[TEXT_BODY] || res.content) {
      response = { status: ok, kind: "text" };
    } else {
      response = { status: ok, kind: "empty" };
    }
    const refPath = path.replace(/\{/g, "%7B").replace(/\}/g, "%7D");
    const built: Op = {
      fn,
      id: op.operationId,
      method: method.toUpperCase(),
      path,
      tag,
      deprecated: !!op.deprecated,
      pathParams,
      query,
      body,
      request,
      requestRequired,
      response,
      errorStatuses: statuses.filter((s) => !/^2/.test(s)),
      referenceUrl: `${kebab(tag)}/${method.toLowerCase()}${refPath}`,
      authenticated: !(Array.isArray(op.security) && op.security.length === 0),
    };
    const page = pageOf(built, models, log);
    if (page?.shape === "flag") {
      // What Clerk answers to `paginated: true`, which the spec does not declare.
      const envelope = unique(`${Fn}PaginatedResponse`);
      const props: Prop[] = [
        { wire: "data", name: "data", node: { k: "array", items: page.items, c: {} }, required: true, deprecated: false, undeclared: false },
        { wire: "total_count", name: "totalCount", node: { k: "number", integer: true, c: {} }, required: true, deprecated: false, undeclared: false },
      ];
      models.set(envelope, { id: envelope, file, props, deprecated: false, origin: `the answer of ${op.operationId} to "paginated: true"`, inbound: false, outbound: false });
      built.page = { ...page, envelope };
    } else if (page) built.page = page;
    return built;
  }

  markDirections(models, ops, dir);
  const components = new Set(componentId.values());
  mergeRepeatedShapes(models, (m) => components.has(m.id) || m.origin.startsWith("request of "));
  return {
    models,
    ops,
    serverUrl: doc.servers?.[0]?.url ?? "",
    version: String(doc.info?.version ?? ""),
    retries: doc["x-speakeasy-retries"],
  };
}

function isObjectWithShape(s: Schema): boolean {
  if (s.$ref || s.oneOf || s[UNDECLARED]) return false;
  if (s.type !== "object" && !s.properties) return false;
  if (s.properties && Object.keys(s.properties).length > 0) return true;
  // `additionalProperties: false` with no properties: an (empty) closed object.
  return s.additionalProperties === false;
}

export function nodeRefs(node: Node, out: string[] = []): string[] {
  switch (node.k) {
    case "model":
      out.push(node.id);
      break;
    case "array":
      nodeRefs(node.items, out);
      break;
    case "map":
      nodeRefs(node.values, out);
      break;
    case "union":
      for (const v of node.variants) nodeRefs(v, out);
      break;
  }
  return out;
}

export function modelRefs(m: Model): string[] {
  const out: string[] = [];
  if (m.alias) nodeRefs(m.alias, out);
  for (const p of m.props ?? []) nodeRefs(p.node, out);
  return out;
}

function markDirections(models: Map<string, Model>, ops: Op[], dir: string): void {
  const mark = (id: string, dir: "inbound" | "outbound") => {
    const m = models.get(id);
    if (!m || m[dir]) return;
    m[dir] = true;
    for (const r of modelRefs(m)) mark(r, dir);
  };
  for (const op of ops) {
    if (op.request) {
      models.get(op.request)!.outbound = false;
      mark(op.request, "outbound");
    }
    if (op.response.kind === "json") for (const r of nodeRefs(op.response.node)) mark(r, "inbound");
    if (op.page?.envelope) mark(op.page.envelope, "inbound");
  }
  // Every component schema gets a file; one no operation uses is modelled as a response.
  for (const m of [...models.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (m.file.startsWith(`${dir}/`) && !m.inbound && !m.outbound) mark(m.id, "inbound");
  }
}

export { camel };
