// docs/operations.md: a reference written only from facts (names, types, statuses).
import { Imports } from "./imports.js";
import type { IR, Op } from "./ir.js";
import { camel, pascal } from "./naming.js";
import { REFERENCE_BASE } from "./config.js";
import { nodeFacts, typeExpr } from "./emit-model.js";
import { errorClasses, valueType } from "./emit-func.js";

export function emitDocs(ir: IR, banner: string): string {
  const lines: string[] = [
    banner.replace(/^\/\/ ?/gm, "").replace(/^(.*)$/gm, "<!-- $1 -->"),
    "",
    "# Operations",
    "",
    `${ir.ops.length} functions, one per operation. Each is \`fn(core, request, options?)\` and resolves to a \`Result\`; it never throws.`,
    "Parameters are camelCase properties of \`request\`; a body goes under \`requestBody\`. Wire names are shown in parentheses.",
    "",
  ];
  const renamed = ir.ops.flatMap((op) =>
    [...op.pathParams, ...op.query]
      .filter((p) => p.name !== camel(p.wire))
      .map((p) => `\`${op.fn}\`: \`${p.wire}\` → \`${p.name}\``),
  );
  lines.push(
    "When two wire names of one operation camelCase to the same name, the non-deprecated one keeps it and a deprecated one gets the suffix `Deprecated` (otherwise a number).",
    renamed.length ? `Renamed this way: ${renamed.join(", ")}.` : "No names collide in this document.",
    "",
  );
  const byTag = new Map<string, Op[]>();
  for (const op of ir.ops) byTag.set(op.tag, [...(byTag.get(op.tag) ?? []), op]);
  const tags = [...byTag.keys()].sort();
  lines.push("## Contents", "");
  for (const tag of tags)
    lines.push(
      `- ${tag}: ${byTag
        .get(tag)!
        .map((o) => `[\`${o.fn}\`](#${o.fn.toLowerCase()})`)
        .join(", ")}`,
    );
  lines.push("", ...pagedLists(ir));
  for (const tag of tags) {
    lines.push(`## ${tag}`, "");
    for (const op of byTag.get(tag)!) lines.push(...entry(op, ir), "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The list operations `paginate` and `collect` (clerk-fn/paginate) accept, with their PageInfo. */
function pagedLists(ir: IR): string[] {
  const lists = ir.ops.filter((op) => op.page);
  if (!lists.length) return [];
  const shape = {
    array: "bare array",
    envelope: "`{ data, totalCount }`",
    flag: "bare array; `{ data, totalCount }` with `paginated: true`",
  };
  return [
    "## Paginated lists",
    "",
    `${lists.length} list operations take \`limit\` and \`offset\`; \`paginate\` and \`collect\` from \`clerk-fn/paginate\` accept exactly these. Each carries these facts as \`fn.page\`.`,
    "",
    "| Function | Answer | Max `limit` | Item id |",
    "|---|---|---|---|",
    ...lists.map((op) => {
      const p = op.page!;
      const answer = p.itemsField ? `\`{ ${p.itemsField}, totalCount }\`` : shape[p.shape];
      return `| [\`${op.fn}\`](#${op.fn.toLowerCase()}) | ${answer} | ${p.maxLimit ?? "not stated"} | \`${p.idField}\` |`;
    }),
    "",
  ];
}

function entry(op: Op, ir: IR): string[] {
  const t = (n: Parameters<typeof typeExpr>[0]) =>
    typeExpr(n, false, { ir, file: "x", imports: new Imports() }).replace(/\|/g, "\\|");
  const out = [`### ${op.fn}`, "", "```ts", `import { ${op.fn} } from "clerk-fn/funcs/${op.fn}";`, "```", ""];
  out.push(`\`${op.method} ${op.path}\`${op.deprecated ? " · **deprecated**" : ""} · operationId \`${op.id}\``, "");
  const rows: string[] = [];
  const notes = (n: Parameters<typeof typeExpr>[0]) => nodeFacts(n).join(", ").replace(/\|/g, "\\|");
  for (const p of op.pathParams)
    rows.push(`| \`${p.name}\` | path (\`${p.wire}\`) | \`${t(p.node)}\` | yes | ${notes(p.node)} |`);
  for (const p of op.query)
    rows.push(
      `| \`${p.name}\`${p.deprecated ? " (deprecated)" : ""} | query (\`${p.wire}\`${p.comma ? ", comma-separated" : ""}) | \`${t(p.node)}\` | ${p.required ? "yes" : "no"} | ${notes(p.node)} |`,
    );
  if (op.body)
    rows.push(
      `| \`requestBody\` | body (${op.body.encoding === "json" ? "JSON" : "multipart/form-data"}) | \`${t(op.body.node)}\` | ${op.body.required ? "yes" : "no"} | |`,
    );
  if (rows.length) out.push("| Parameter | In | Type | Required | Constraints |", "|---|---|---|---|---|", ...rows, "");
  else out.push("No parameters.", "");
  const value = valueType(op, ir).replace(/\|/g, "\\|");
  out.push(
    `Returns \`Promise<Result<${value}, ${pascal(op.fn)}Error>>\` (${op.response.status}${op.response.kind === "empty" ? ", no body" : op.response.kind === "text" ? ", text body" : ""}).`,
    "",
  );
  if (op.page?.envelope)
    out.push(
      `With \`paginated: true\` it returns \`Promise<Result<${op.page.envelope}, ${pascal(op.fn)}Error>>\` (\`{ data, totalCount }\`).`,
      "",
    );
  if (op.page)
    out.push(
      `Paginated list: \`paginate(${op.fn}, …)\` walks its pages (see [Paginated lists](#paginated-lists)).`,
      "",
    );
  out.push(
    `Errors: ${errorClasses(op)
      .map((e) => `\`${e}\``)
      .join(", ")}.${op.errorStatuses.length ? ` Declared error statuses: ${op.errorStatuses.join(", ")}.` : ""}`,
    "",
  );
  out.push(`Reference: ${REFERENCE_BASE}/${op.referenceUrl}`);
  return out;
}
