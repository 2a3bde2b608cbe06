// The intermediate representation the emitters read: named models (one per
// component schema plus every inline object, hoisted) and operations that point
// at them. buildIR makes it from a normalized document in named steps:
// ir-models.ts (schemas), ir-operations.ts (operations), then the directions
// each model is decoded in and the merging of repeated shapes (shapes.ts).
import { tieMetadataToGlobals } from "./globals.js";
import { modelComponents, type ModelContext } from "./ir-models.js";
import { buildOperations } from "./ir-operations.js";
import type { RepairLog } from "./log.js";
import type { Document } from "./openapi.js";
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
    /** `global`: the Clerk global interface that types this map (see globals.ts), e.g. "UserPublicMetadata". */
    | { k: "free"; global?: string }
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
  /** A hand-written model (e.g. src/errors' ClerkError) the generated code imports; nothing is emitted for it. */
  handWritten?: boolean;
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
  /** The two halves of `fn`: `clerk.<group>.<member>` in clerk-fn/client ("emailAddresses", "get"). */
  group: string;
  member: string;
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
  /** camelCase request property of a `starting_after` cursor, when the operation takes one. */
  cursor?: string;
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

export interface BuildOptions {
  /** Component schemas not to model (their references become unknown). */
  skipSchemas?: string[];
  /**
   * Component schemas modelled by hand: references to them import `<id>` and
   * `<id>$inbound` from `file` (relative to src/models, no extension).
   */
  handWritten?: Record<string, { id: string; file: string }>;
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

export function buildIR(doc: Document, log: RepairLog, opts: BuildOptions = {}): IR {
  const prefix = opts.namePrefix ?? "";
  const ctx: ModelContext = {
    doc,
    log,
    models: new Map(),
    taken: new Set(),
    componentId: new Map(),
    componentDir: opts.componentDir ?? "components",
    tolerant: !!opts.tolerant,
    sharedResponses: new Map(),
  };
  modelComponents(ctx, new Set(opts.skipSchemas ?? []), prefix, opts.handWritten ?? {});
  const ops = buildOperations(ctx, prefix);
  markDirections(ctx.models, ops, ctx.componentDir);
  // Before merging: two bodies of one shape that belong to different resources stay apart.
  tieMetadataToGlobals(ctx.models, ops);
  const components = new Set(ctx.componentId.values());
  mergeRepeatedShapes(ctx.models, (m) => components.has(m.id) || m.origin.startsWith("request of "));
  return {
    models: ctx.models,
    ops,
    serverUrl: doc.servers?.[0]?.url ?? "",
    version: String(doc.info?.version ?? ""),
    retries: doc["x-speakeasy-retries"],
  };
}

function nodeRefs(node: Node, out: string[] = []): string[] {
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
