// What the one-call bundle may contain: ClerkCore + emailAddressesGet
// must ship that one operation and its own models, nothing else. We read the
// spec to list every other operation's path and operationId, and the wire keys
// that only unused models have, and look for each as a quoted string literal
// (or, for wire keys, as the camelCase property a model entry is keyed by).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT, SPEC } from "../lib/paths.mjs";

const YAML = createRequire(path.join(ROOT, "package.json"))("yaml");
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The spec facts the content check needs about one operation. */
export function operationFacts(operationId, spec = YAML.parse(readFileSync(SPEC, "utf8"))) {
  const operations = [];
  for (const [p, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) if (item[method]) operations.push({ path: p, method, op: item[method] });
  }
  const target = operations.find((o) => o.op.operationId === operationId);
  if (!target) throw new Error(`operation ${operationId} is not in the spec`);

  const reachable = new Set();
  const visit = (node) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node.$ref === "string") {
      const [, section, name] = node.$ref.replace(/^#\//, "").split("/").slice(0, 3);
      const key = `${section}/${name}`;
      if (reachable.has(key)) return;
      reachable.add(key);
      visit(spec.components[section]?.[name]);
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(target.op);
  visit(spec.paths[target.path].parameters);

  const keysOf = (schemas) => {
    const keys = new Set();
    const walk = (node) => {
      if (!node || typeof node !== "object") return;
      if (Array.isArray(node)) return node.forEach(walk);
      if (node.properties && typeof node.properties === "object")
        for (const k of Object.keys(node.properties)) keys.add(k);
      for (const [k, v] of Object.entries(node)) if (k !== "$ref") walk(v);
    };
    schemas.forEach(walk);
    return keys;
  };
  const schemas = spec.components.schemas;
  const used = keysOf(
    [...reachable]
      .filter((k) => k.startsWith("schemas/"))
      .map((k) => schemas[k.slice(8)])
      .concat([target.op]),
  );
  const unusedSchemas = Object.keys(schemas)
    .filter((n) => !reachable.has(`schemas/${n}`))
    .map((n) => schemas[n]);
  // Distinctive keys only (snake_case, 6+ chars): short words like "id" or "name" may also be runtime strings.
  const foreignKeys = [...keysOf(unusedSchemas)].filter((k) => !used.has(k) && k.includes("_") && k.length >= 6);

  return {
    path: target.path,
    otherPaths: [...new Set(operations.map((o) => o.path))].filter((p) => p !== target.path),
    otherOperationIds: operations.map((o) => o.op.operationId).filter((id) => id && id !== operationId),
    usedSchemas: [...reachable].filter((k) => k.startsWith("schemas/")).map((k) => k.slice(8)),
    foreignKeys,
  };
}

// A model entry names its wire key either as a string ("created_at") or, when the
// key is the property name in snake_case, only through the camelCase property
// (`createdAt:` in an object literal): look for both.
const camel = (key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const asProperty = (code, key) => new RegExp(`[{,]${camel(key)}:`).test(code);

const quoted = (code, text) => code.includes(`"${text}"`) || code.includes(`'${text}'`) || code.includes(`\`${text}\``);

/** Problems found in `code`; an empty list means the bundle holds only what it should. */
export function contentProblems(code, facts) {
  const problems = [];
  if (!quoted(code, facts.path))
    problems.push(`its own path "${facts.path}" is missing (is the check still looking at the right thing?)`);
  const paths = facts.otherPaths.filter((p) => quoted(code, p));
  if (paths.length)
    problems.push(
      `other operations' paths: ${paths.slice(0, 10).join(", ")}${paths.length > 10 ? ` (+${paths.length - 10})` : ""}`,
    );
  const ids = facts.otherOperationIds.filter((id) => quoted(code, id));
  if (ids.length)
    problems.push(
      `other operationIds: ${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ` (+${ids.length - 10})` : ""}`,
    );
  const keys = facts.foreignKeys.filter((k) => quoted(code, k) || asProperty(code, k));
  if (keys.length)
    problems.push(
      `wire keys of unused models: ${keys.slice(0, 15).join(", ")}${keys.length > 15 ? ` (+${keys.length - 15})` : ""}`,
    );
  return problems;
}
