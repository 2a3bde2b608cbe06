// Emits src/funcs/<name>.ts: one descriptor and one two-line function per operation.
import { Imports, relative } from "./imports.js";
import type { IR, Node, Op, Page } from "./ir.js";
import { pascal } from "./naming.js";
import { REFERENCE_BASE } from "./config.js";
import { typeExpr } from "./emit-model.js";

const FROM_FUNCS = (file: string) => relative("funcs/x", `models/${file}`);

/**
 * The error classes an operation can return, in a fixed order. Every operation
 * validates its input and options (InvalidRequestError), sends a request
 * (the transport errors) and maps a non-2xx status (ClerkErrors, APIError); only
 * one with a JSON body to decode can also return ResponseValidationError.
 */
export function errorClasses(op: Op): string[] {
  const out = ["ClerkErrors", "APIError"];
  if (op.response.kind === "json") out.push("ResponseValidationError");
  out.push(
    "InvalidRequestError",
    "ConnectionError",
    "RequestTimeoutError",
    "RequestAbortedError",
    "UnexpectedClientError",
  );
  return out;
}

/** The same union, by the names src/errors gives it, so a class added there reaches every function. */
function errorUnion(op: Op): { names: string[]; union: string } {
  if (op.response.kind === "json") return { names: ["OperationErrors"], union: "OperationErrors" };
  const names = ["ClerkErrors", "APIError", "TransportErrors"];
  return { names, union: names.join(" | ") };
}

export function valueType(op: Op, ir: IR, imp?: Imports): string {
  const response = op.response;
  if (response.kind !== "json") return response.kind === "empty" ? "void" : "string";
  return typeExpr(response.node, true, { ir: withModelPaths(ir), file: "funcs/x", imports: imp ?? new Imports() });
}

// Model files are addressed from src/funcs as ../models/<file>; typeExpr resolves
// imports relative to a file path, so present models under their src-relative path.
function withModelPaths(ir: IR): IR {
  const cached = cache.get(ir);
  if (cached) return cached;
  const models = new Map([...ir.models].map(([id, m]) => [id, { ...m, file: `models/${m.file}` }]));
  const view = { ...ir, models };
  cache.set(ir, view);
  return view;
}
const cache = new WeakMap<IR, IR>();

export function emitFunc(op: Op, ir: IR, banner: string): string {
  const imp = new Imports();
  const Fn = pascal(op.fn);
  imp.type("../core.js", "ClerkCore");
  imp.value("../lib/request.js", "call");
  imp.type("../lib/request.js", "RequestOptions");
  imp.type("../lib/operation.js", "Operation");
  imp.type("../types/index.js", "Result");
  const errors = errorUnion(op);
  for (const e of errors.names) imp.type("../errors/index.js", e);

  const fields: string[] = [
    `id: ${JSON.stringify(op.id)}`,
    `method: "${op.method}"`,
    `path: ${JSON.stringify(op.path)}`,
  ];
  if (op.pathParams.length) fields.push(`pathParams: [${op.pathParams.map((p) => JSON.stringify(p.wire)).join(", ")}]`);
  if (op.query.length) {
    imp.value("../lib/query.js", "formQuery");
    fields.push(
      `query: /* @__PURE__ */ formQuery([${op.query.map((p) => `{ name: ${JSON.stringify(p.wire)}${p.comma ? ", comma: true" : ""} }`).join(", ")}])`,
    );
  }
  if (op.body) {
    const enc = op.body.encoding === "json" ? "jsonBody" : "multipartBody";
    imp.value("../lib/encode.js", enc);
    fields.push(`body: ${enc}`);
  }
  let requestParam = "request?: Record<string, never>";
  if (op.request) {
    const file = FROM_FUNCS(ir.models.get(op.request)!.file);
    imp.value(file, `${op.request}$outbound`);
    imp.type(file, op.request);
    fields.push(`input: ${op.request}$outbound`);
    requestParam = `request${op.requestRequired ? "" : "?"}: ${op.request}`;
  }
  let response: string;
  if (op.response.kind === "json") {
    const node = op.response.node as Node & { k: "model" };
    const m = ir.models.get(node.id)!;
    imp.value(FROM_FUNCS(m.file), `${node.id}$inbound`);
    response = node.nullable ? `v.nullable(${node.id}$inbound)` : `${node.id}$inbound`;
    if (node.nullable) imp.namespace("valibot", "v");
    const envelope = op.page?.envelope;
    if (envelope) {
      // Both forms decode: the list, or the envelope `paginated: true` asks for.
      imp.value(FROM_FUNCS(ir.models.get(envelope)!.file), `${envelope}$inbound`);
      imp.value("../lib/pagination.js", "listOrEnvelope");
      response = `listOrEnvelope(${response}, ${envelope}$inbound)`;
    }
  } else response = JSON.stringify(op.response.kind);
  fields.push(`responses: { ${JSON.stringify(op.response.status)}: ${response} }`);
  if (!op.authenticated) fields.push("auth: false");
  const value = valueType(op, ir, imp);

  const doc = [`${op.method} ${op.path}`];
  const facts = describeInputs(op);
  if (facts) doc.push(facts);
  if (op.page?.shape === "flag")
    doc.push("With `paginated: true` the value is `{ data, totalCount }`; otherwise the bare list.");
  doc.push(`@see ${REFERENCE_BASE}/${op.referenceUrl}`);
  if (op.deprecated) doc.push("@deprecated Marked deprecated in Clerk's API description.");
  const jsdoc = `/**\n${doc.map((l) => ` * ${l}`).join("\n")}\n */`;
  const params = `core: ClerkCore, ${requestParam}, options?: RequestOptions`;
  const body = "{\n  return call(core, op, request, options);\n}";

  let fn: string;
  if (!op.page) {
    fn = `${jsdoc}\nexport function ${op.fn}(${params}): Promise<Result<${value}, ${Fn}Error>> ${body}`;
  } else {
    imp.value("../lib/pagination.js", "listable");
    const page = pageInfo(op.page);
    if (op.page.shape !== "flag") {
      fn = `${jsdoc}\nexport const ${op.fn} = /* @__PURE__ */ listable(function ${op.fn}(${params}): Promise<Result<${value}, ${Fn}Error>> ${body}, ${page});`;
    } else {
      // The value follows the request: the envelope exactly when it sets `paginated: true`.
      const envelope = op.page.envelope!;
      imp.type(FROM_FUNCS(ir.models.get(envelope)!.file), envelope);
      const req = op.request!;
      const both = `${value} | ${envelope}`;
      fn = `/** ${op.fn}'s signatures: the value is \`{ data, totalCount }\` exactly when the request sets \`paginated: true\`. */
interface ${Fn}Signatures {
  (core: ClerkCore, request: ${req} & { paginated: true }, options?: RequestOptions): Promise<Result<${envelope}, ${Fn}Error>>;
  (core: ClerkCore, request${op.requestRequired ? "" : "?"}: ${req} & { paginated?: false | undefined }, options?: RequestOptions): Promise<Result<${value}, ${Fn}Error>>;
  (${params}): Promise<Result<${both}, ${Fn}Error>>;
}

${jsdoc}
export const ${op.fn} = /* @__PURE__ */ listable(function ${op.fn}(${params}): Promise<Result<${both}, ${Fn}Error>> ${body} as ${Fn}Signatures, ${page});`;
    }
  }

  return `${banner}
${imp.print()}

const op: Operation = { ${fields.join(", ")} };

/** Everything ${op.fn} can return instead of a value. */
export type ${Fn}Error = ${errors.union};

${fn}
`;
}

/** The PageInfo literal of a list function. */
function pageInfo(page: Page): string {
  const fields = [];
  if (page.maxLimit !== undefined) fields.push(`maxLimit: ${page.maxLimit}`);
  fields.push(`shape: "${page.shape}"`, `idField: "${page.idField}"`);
  if (page.itemsField) fields.push(`itemsField: "${page.itemsField}"`);
  if (page.cursor) fields.push(`cursor: "${page.cursor}"`);
  return `{ ${fields.join(", ")} }`;
}

/** One line of facts about the inputs: "path: userId · query: limit?, offset? · body: JSON". */
function describeInputs(op: Op): string {
  const parts: string[] = [];
  const list = (ps: Op["query"]) =>
    ps.map((p) => `${p.name}${p.required ? "" : "?"}${p.deprecated ? " (deprecated)" : ""}`).join(", ");
  if (op.pathParams.length) parts.push(`path: ${list(op.pathParams)}`);
  if (op.query.length) parts.push(`query: ${list(op.query)}`);
  if (op.body)
    parts.push(
      `body: ${op.body.encoding === "json" ? "JSON" : "multipart/form-data"}${op.body.required ? "" : " (optional)"}`,
    );
  return parts.join(" · ");
}
