// Operations of the document to IR operations: the function name, the request
// object (path and query parameters plus `requestBody`), the 2xx response and,
// for list operations, their pagination facts.
import type { Node, Op, Param, Prop, ResponseKind } from "./ir.js";
import { modelNode, sharedResponseNode, toNode, uniqueName, type ModelContext } from "./ir-models.js";
import { camel, functionName, kebab, lowerFirst, pascal, propertyNames } from "./naming.js";
import { TEXT_BODY, isReference, operationsOf, type Operation, type Parameter, type Response } from "./openapi.js";
import { pageOf } from "./pages.js";

/** Every operation of the document, sorted by function name. */
export function buildOperations(ctx: ModelContext, prefix: string): Op[] {
  const ops: Op[] = [];
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(ctx.doc.paths ?? {})) {
    for (const [method, op] of operationsOf(item)) {
      const tag = op.tags?.[0] ?? "default";
      const group = op["x-speakeasy-group"] ?? tag;
      const name = op["x-speakeasy-name-override"] ?? op.operationId;
      const fn = functionName(group, name);
      if (seen.has(fn)) throw new Error(`function name ${fn} of ${op.operationId} collides with ${seen.get(fn)}`);
      seen.set(fn, op.operationId);
      const halves = { group: camel(group), member: lowerFirst(pascal(name)) };
      ops.push(buildOperation(ctx, { fn, ...halves, path, method, op, tag, prefix }));
    }
  }
  return ops.sort((a, b) => (a.fn < b.fn ? -1 : 1));
}

interface Source {
  fn: string;
  group: string;
  member: string;
  path: string;
  method: string;
  op: Operation;
  tag: string;
  /** Name prefix of shared-response models. */
  prefix: string;
}

function buildOperation(ctx: ModelContext, src: Source): Op {
  const { fn, group, member, path, method, op, tag } = src;
  const Fn = pascal(fn);
  const file = `operations/${fn}`;
  const all = (op.parameters ?? []).map((p) => resolveParameter(ctx, p));
  for (const p of all)
    if (p.in !== "path" && p.in !== "query") ctx.log.add(op.operationId, `${p.in} parameter ${p.name} not modelled`);
  const raw = all.filter((p) => p.in === "path" || p.in === "query");
  const media = op.requestBody?.content?.["application/json"] ?? op.requestBody?.content?.["multipart/form-data"];
  // camelCase names of the request object's properties, collisions resolved once for all of them.
  const names = propertyNames(
    [
      ...raw.map((p) => ({ wire: p.name, deprecated: !!p.deprecated })),
      ...(media ? [{ wire: "requestBody", deprecated: false }] : []),
    ],
    (msg) => ctx.log.add(op.operationId, msg),
  );
  const param = (p: Parameter): Param => ({
    wire: p.name,
    name: names.get(p.name)!,
    node: toNode(ctx, p.schema ?? {}, Fn + pascal(p.name), file, `${op.operationId} parameter ${p.name}`),
    required: !!p.required || p.in === "path",
    deprecated: !!p.deprecated,
    comma: p.in === "query" && p.schema?.type === "array" && p.explode === false,
  });
  const pathParams = raw.filter((p) => p.in === "path").map(param);
  const query = raw.filter((p) => p.in === "query").map(param);
  let body: Op["body"];
  if (media) {
    const node = modelNode(ctx, media.schema ?? {}, `${Fn}RequestBody`, file, `request body of ${op.operationId}`);
    const encoding = op.requestBody?.content?.["application/json"] ? "json" : "multipart";
    body = { node, required: !!op.requestBody?.required, encoding, name: names.get("requestBody")! };
  }
  const request = requestModel(ctx, Fn, file, op.operationId, [...pathParams, ...query], body);
  const statuses = Object.keys(op.responses ?? {}).sort();
  const built: Op = {
    fn,
    group,
    member,
    id: op.operationId,
    method: method.toUpperCase(),
    path,
    tag,
    deprecated: !!op.deprecated,
    pathParams,
    query,
    body,
    request: request?.id,
    requestRequired: !!request?.required,
    response: successResponse(ctx, src, statuses, Fn, file),
    errorStatuses: statuses.filter((s) => !/^2/.test(s)),
    referenceUrl: `${kebab(tag)}/${method.toLowerCase()}${path.replace(/\{/g, "%7B").replace(/\}/g, "%7D")}`,
    authenticated: !(Array.isArray(op.security) && op.security.length === 0),
  };
  const page = pageOf(built, ctx.models, ctx.log);
  if (page?.shape === "flag")
    built.page = { ...page, envelope: paginatedEnvelope(ctx, Fn, file, op.operationId, page.items) };
  else if (page) built.page = page;
  return built;
}

function resolveParameter(ctx: ModelContext, p: Parameter | { $ref: string }): Parameter {
  if (!isReference(p)) return p;
  const found = ctx.doc.components?.parameters?.[p.$ref.split("/").pop()!];
  if (!found) throw new Error(`$ref to missing parameter ${p.$ref}`);
  return found;
}

/** The model of the whole request object (absent when the operation takes no input). */
function requestModel(
  ctx: ModelContext,
  Fn: string,
  file: string,
  operationId: string,
  params: Param[],
  body: Op["body"],
): { id: string; required: boolean } | undefined {
  if (!params.length && !body) return undefined;
  const id = uniqueName(ctx, `${Fn}Request`);
  const props = params.map((p) => wrapperProp(p.wire, p.name, p.node, p.required, p.deprecated));
  if (body) props.push(wrapperProp("requestBody", body.name, body.node, body.required));
  ctx.models.set(id, {
    id,
    file,
    props,
    deprecated: false,
    origin: `request of ${operationId}`,
    inbound: false,
    outbound: true,
  });
  return { id, required: props.some((p) => p.required) };
}

/** The first 2xx response (else `default`): a JSON body, no body, or a text body. */
function successResponse(ctx: ModelContext, src: Source, statuses: string[], Fn: string, file: string): ResponseKind {
  const status = statuses.find((s) => /^2/.test(s)) ?? "default";
  const res: Response | { $ref: string } = src.op.responses?.[status] ?? {};
  if (isReference(res)) {
    const node = sharedResponseNode(ctx, res.$ref.split("/").pop()!, src.prefix);
    return node ? { status, kind: "json", node } : { status, kind: "empty" };
  }
  const json = res.content?.["application/json"];
  if (json)
    return {
      status,
      kind: "json",
      node: modelNode(ctx, json.schema ?? {}, `${Fn}Response`, file, `response of ${src.op.operationId}`),
    };
  if (res[TEXT_BODY] || res.content) return { status, kind: "text" };
  return { status, kind: "empty" };
}

/** A property of a model the generator builds itself (the request wrapper, the paginated envelope). */
function wrapperProp(wire: string, name: string, node: Node, required: boolean, deprecated = false): Prop {
  return { wire, name, node, required, deprecated, undeclared: false };
}

/** What Clerk answers to `paginated: true`, which the spec does not declare: `{ data, total_count }`. */
function paginatedEnvelope(ctx: ModelContext, Fn: string, file: string, operationId: string, items: Node): string {
  const id = uniqueName(ctx, `${Fn}PaginatedResponse`);
  const props = [
    wrapperProp("data", "data", { k: "array", items, c: {} }, true),
    wrapperProp("total_count", "totalCount", { k: "number", integer: true, c: {} }, true),
  ];
  ctx.models.set(id, {
    id,
    file,
    props,
    deprecated: false,
    origin: `the answer of ${operationId} to "paginated: true"`,
    inbound: false,
    outbound: false,
  });
  return id;
}
