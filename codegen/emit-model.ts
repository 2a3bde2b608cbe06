// Emits src/models/**: per file, the TypeScript types and the valibot schemas
// ($inbound for responses, $outbound for requests) of the models that live there.
import { scc } from "./graph.js";
import { Imports, relative } from "./imports.js";
import { modelRefs, type Checks, type IR, type Model, type Node } from "./ir.js";
import type { RepairLog } from "./log.js";
import { wireName } from "../src/lib/schema.js";

type Dir = "inbound" | "outbound";
const SCHEMA_LIB = "../lib/schema"; // relative to src/models
const BINARY_LIB = "../lib/binary";
const GLOBALS_LIB = "../types/clerk-globals";

export function emitModels(ir: IR, banner: string, log: RepairLog): Map<string, string> {
  const { models } = ir;
  const ids = [...models.keys()];
  const modelScc = scc(ids, (id) => modelRefs(models.get(id)!).filter((r) => models.has(r)));
  const selfLoop = new Set(ids.filter((id) => modelRefs(models.get(id)!).includes(id)));
  const sccSize = new Map<number, number>();
  for (const c of modelScc.values()) sccSize.set(c, (sccSize.get(c) ?? 0) + 1);
  const files = [...new Set(ids.map((id) => models.get(id)!.file))];
  const fileEdges = new Map<string, Set<string>>(files.map((f) => [f, new Set()]));
  for (const m of models.values())
    for (const r of modelRefs(m)) if (models.get(r)!.file !== m.file) fileEdges.get(m.file)!.add(models.get(r)!.file);
  const fileScc = scc(files, (f) => [...fileEdges.get(f)!]);

  const lazy = (from: string, to: string): boolean => {
    if (modelScc.get(from) === modelScc.get(to)) return true;
    const ff = models.get(from)!.file;
    const tf = models.get(to)!.file;
    return ff !== tf && fileScc.get(ff) === fileScc.get(tf);
  };
  const recursive = (id: string) => selfLoop.has(id) || sccSize.get(modelScc.get(id)!)! > 1;
  for (const id of ids.sort()) if (recursive(id)) log.add(`model ${id}`, "recursive: references go through v.lazy");

  const out = new Map<string, string>();
  const byFile = new Map<string, Model[]>();
  for (const m of models.values()) {
    if (m.handWritten || (!m.inbound && !m.outbound)) continue;
    byFile.set(m.file, [...(byFile.get(m.file) ?? []), m]);
  }
  for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.set(
      `src/models/${file}.ts`,
      new ModelFile(file, ir, { lazy, recursive }, log).print(order(list, models, lazy), banner),
    );
  }
  return out;
}

/** Dependencies first, so no const is read before it is initialised. */
function order(list: Model[], models: Map<string, Model>, lazy: (a: string, b: string) => boolean): Model[] {
  const here = new Set(list.map((m) => m.id));
  const done = new Set<string>();
  const out: Model[] = [];
  const visit = (m: Model) => {
    if (done.has(m.id)) return;
    done.add(m.id);
    for (const r of modelRefs(m)) if (here.has(r) && !lazy(m.id, r)) visit(models.get(r)!);
    out.push(m);
  };
  for (const m of list) visit(m);
  return out;
}

/** How models reference each other: through v.lazy inside a cycle, and which are recursive. */
interface ModelGraph {
  lazy(from: string, to: string): boolean;
  recursive(id: string): boolean;
}

/** Where a type expression is written: the file its imports are relative to, and that file's import list. */
export interface TypeSite {
  readonly ir: IR;
  /** "components/user" style, under src/models (or "funcs/x" for src/funcs). */
  readonly file: string;
  readonly imports: Imports;
}

/** A request object that allows extra keys and needs no renaming: validated known keys, extras passed on. */
const passThrough = (m: Model) =>
  !!m.extraKeys && m.outbound && !m.inbound && (m.props ?? []).every((p) => p.wire === p.name);

const lit = (s: string) => JSON.stringify(s);

/** The TypeScript type of a node; `open` (responses) makes enums accept any string. */
export function typeExpr(node: Node, open: boolean, site: TypeSite): string {
  const t = baseType(node, open, site);
  return node.nullable ? `${t} | null` : t;
}

function baseType(node: Node, open: boolean, site: TypeSite): string {
  switch (node.k) {
    case "model": {
      const target = site.ir.models.get(node.id)!;
      if (target.file !== site.file) site.imports.type(relative(site.file, target.file), node.id);
      return node.id;
    }
    case "string":
      if (node.enum?.length) {
        const union = node.enum.map(lit).join(" | ");
        return open || node.open ? `${union} | (string & {})` : union;
      }
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "array":
      return `Array<${typeExpr(node.items, open, site)}>`;
    case "free":
      return freeType(node, site);
    case "map":
      return `Record<string, ${typeExpr(node.values, open, site)}>`;
    case "union":
      return node.variants.map((v) => wrapUnion(typeExpr(v, open, site))).join(" | ");
    case "binary":
      site.imports.type(relative(site.file, BINARY_LIB), "Binary");
      return "Binary";
    case "unknown":
      return "unknown";
  }
}

/** A free-form map: `Declared<UserPublicMetadata>` for metadata typed by a Clerk global interface, else a plain record. */
function freeType(node: Node & { k: "free" }, site: TypeSite): string {
  if (!node.global) return "Record<string, unknown>";
  site.imports.type(relative(site.file, GLOBALS_LIB), "Declared");
  return `Declared<${node.global}>`;
}

const wrapUnion = (t: string) => (t.includes(" | ") ? `(${t})` : t);

/** Emits one file of src/models: the types and schemas of the models in it, and the imports they need. */
class ModelFile implements TypeSite {
  readonly imports = new Imports();

  constructor(
    readonly file: string,
    readonly ir: IR,
    private readonly graph: ModelGraph,
    private readonly log: RepairLog,
  ) {}

  /** The whole file, models in the order given (dependencies first). */
  print(list: Model[], banner: string): string {
    const body = list.map((m) => this.model(m));
    return `${banner}\n${this.imports.print()}\n\n${body.join("\n\n")}\n`;
  }

  /** One model: its doc comment, its type, and a schema per direction it is used in. */
  private model(m: Model): string {
    const open = m.inbound;
    const parts: string[] = [];
    const doc = [`From ${m.origin}`];
    if (m.sameShapeAs) doc.push(`the same shape as ${m.sameShapeAs}`);
    if (m.extraKeys)
      doc.push(
        passThrough(m)
          ? "Extra keys are allowed and sent as given."
          : "The spec allows extra keys: responses ignore them; requests reject them.",
      );
    if (m.deprecated) doc.push("@deprecated");
    parts.push(jsdoc(doc));
    if (m.props) {
      if (m.props.length === 0) parts.push(`export type ${m.id} = Record<never, never>;`);
      else {
        const fields = m.props.map((p) => {
          const facts = nodeFacts(p.node);
          if (p.undeclared) facts.push("listed as required by the spec but never declared; type unknown");
          if (p.deprecated) facts.push("@deprecated");
          const comment = facts.length ? `${jsdoc(facts)}\n` : "";
          return `${comment}${p.name}${p.required ? "" : "?"}: ${typeExpr(p.node, open, this)};`;
        });
        if (passThrough(m)) fields.push("[key: string]: unknown;");
        parts.push(`export type ${m.id} = {\n${fields.join("\n")}\n};`);
      }
    } else {
      parts.push(`export type ${m.id} = ${typeExpr(m.alias!, open, this)};`);
    }
    for (const dir of ["inbound", "outbound"] as const) if (m[dir]) parts.push(this.schemaDeclaration(m, dir));
    return parts.join("\n");
  }

  /** `export const <Id>$inbound = …` (or `$outbound`). */
  private schemaDeclaration(m: Model, dir: Dir): string {
    // Aliases and pass-through objects are typed against their type here, like inbound<T>/outbound<T> do.
    const annotate =
      this.graph.recursive(m.id) ||
      modelRefs(m).some((r) => this.graph.lazy(m.id, r)) ||
      !m.props ||
      (dir === "outbound" && passThrough(m));
    if (annotate) this.imports.namespace("valibot", "v");
    const decl = `export const ${m.id}$${dir}${annotate ? `: v.GenericSchema<${dir === "inbound" ? "unknown" : m.id}, ${dir === "inbound" ? m.id : "unknown"}>` : ""}`;
    if (m.props && dir === "outbound" && passThrough(m)) {
      this.imports.namespace("valibot", "v");
      const rows = m.props.map((p) => `${p.name}: ${this.propSchema(p.node, p.required, dir, m)},`);
      return `${decl} = v.looseObject({\n${rows.join("\n")}\n});`;
    }
    if (m.props) {
      this.imports.value(relative(this.file, SCHEMA_LIB), dir);
      // The wire name is written only where the runtime's wireName (snake_case) would not give it.
      const rows = m.props.map((p) => {
        const schema = this.propSchema(p.node, p.required, dir, m);
        return `${p.name}: ${wireName(p.name) === p.wire ? schema : `["${p.wire}", ${schema}]`},`;
      });
      if (dir === "outbound" && m.extraKeys)
        this.log.add(`model ${m.id}`, "allows extra keys; the request schema rejects keys it does not know");
      return `${decl} = ${dir}<${m.id}>({\n${rows.join("\n")}\n});`;
    }
    return `${decl} = ${this.schema(m.alias!, dir, m)};`;
  }

  private propSchema(node: Node, required: boolean, dir: Dir, m: Model): string {
    if (required) return this.schema(node, dir, m);
    this.imports.namespace("valibot", "v");
    if (node.nullable) return `v.nullish(${this.schema({ ...node, nullable: false }, dir, m)})`;
    return `v.optional(${this.schema(node, dir, m)})`;
  }

  /** The valibot schema of a node inside model `m` (lenient for inbound, strict for outbound). */
  private schema(node: Node, dir: Dir, m: Model): string {
    const base = this.baseSchema(node, dir, m);
    if (!node.nullable) return base;
    this.imports.namespace("valibot", "v");
    return `v.nullable(${base})`;
  }

  private baseSchema(node: Node, dir: Dir, m: Model): string {
    const open = dir === "inbound";
    const imp = this.imports;
    switch (node.k) {
      case "model": {
        const target = this.ir.models.get(node.id)!;
        const name = `${node.id}$${dir}`;
        if (target.file !== this.file) imp.value(relative(this.file, target.file), name);
        if (this.graph.lazy(m.id, node.id)) {
          imp.namespace("valibot", "v");
          return `v.lazy(() => ${name})`;
        }
        return name;
      }
      case "string": {
        if (node.enum?.length) {
          const values = node.enum.map(lit);
          if (open || node.open) imp.value(relative(this.file, SCHEMA_LIB), "openEnum");
          // A response needs its known values only in the type; a request keeps them at
          // run time too, for tools that build sample requests from the schema.
          if (open) return `openEnum<${values.join(" | ")}>()`;
          if (node.open) return `openEnum([${values.join(", ")}])`;
          imp.namespace("valibot", "v");
          return `v.picklist([${values.join(", ")}])`;
        }
        imp.namespace("valibot", "v");
        if (open) return "v.string()";
        return pipe("v.string()", this.stringChecks(node.c, node.format, m.id));
      }
      case "number": {
        imp.namespace("valibot", "v");
        if (open) return "v.number()";
        return pipe("v.number()", [...(node.integer ? ["v.integer()"] : []), ...numberChecks(node.c)]);
      }
      case "boolean":
        imp.namespace("valibot", "v");
        return "v.boolean()";
      case "array": {
        imp.namespace("valibot", "v");
        const arr = `v.array(${this.schema(node.items, dir, m)})`;
        if (open) return arr;
        const c: string[] = [];
        if (node.c.minItems !== undefined) c.push(`v.minLength(${node.c.minItems})`);
        if (node.c.maxItems !== undefined) c.push(`v.maxLength(${node.c.maxItems})`);
        return pipe(arr, c);
      }
      case "free":
        imp.value(relative(this.file, SCHEMA_LIB), "freeForm");
        // Explicit type argument: inference from a tuple position would give `unknown`.
        return `freeForm<${freeType(node, this)}>()`;
      case "map":
        imp.namespace("valibot", "v");
        return `v.record(v.string(), ${this.schema(node.values, dir, m)})`;
      case "union":
        return this.unionSchema(node, dir, m);
      case "binary":
        imp.value(relative(this.file, BINARY_LIB), "binary");
        return "binary()";
      case "unknown":
        imp.namespace("valibot", "v");
        return "v.unknown()";
    }
  }

  private unionSchema(node: Node & { k: "union" }, dir: Dir, m: Model): string {
    const open = dir === "inbound";
    let variants = node.variants;
    if (open && !node.disc) variants = bestFirst(variants, this.ir);
    const union = () => {
      this.imports.namespace("valibot", "v");
      return `v.union([${variants.map((v) => this.schema(v, dir, m)).join(", ")}])`;
    };
    if (!node.disc || !open) return union();
    const disc = node.disc;
    this.imports.value(relative(this.file, SCHEMA_LIB), "discriminated");
    const cases = disc.cases.map(([value, i]) => `${lit(value)}: ${this.schema(node.variants[i]!, dir, m)}`);
    const type = node.variants.map((v) => wrapUnion(typeExpr(v, true, this))).join(" | ");
    // Unknown tags fall back to trying every variant, so a new tag is not an error;
    // "try-each" walks the cases, so it needs every variant to have one.
    const everyVariantTagged = node.variants.every((_, i) => disc.cases.some(([, j]) => j === i));
    return `discriminated<${type}>(${lit(disc.prop)}, {\n${cases.join(",\n")}\n}, ${everyVariantTagged ? '"try-each"' : union()})`;
  }

  private stringChecks(c: Checks, format: string | undefined, where: string): string[] {
    const out: string[] = [];
    if (c.minLength !== undefined) out.push(`v.minLength(${c.minLength})`);
    if (c.maxLength !== undefined) out.push(`v.maxLength(${c.maxLength})`);
    if (c.pattern !== undefined) {
      try {
        new RegExp(c.pattern);
        out.push(`v.regex(/${c.pattern.replace(/(?<!\\)\//g, "\\/")}/)`);
      } catch {
        this.log.add(
          `model ${where}`,
          `pattern ${JSON.stringify(c.pattern)} is not a JavaScript regular expression: not enforced`,
        );
      }
    }
    if (format === "date-time") out.push("v.isoTimestamp()");
    if (format === "date") out.push("v.isoDate()");
    if (format === "email") out.push("v.email()");
    if (format === "uri") out.push("v.url()");
    return out;
  }
}

/**
 * Lenient objects ignore keys they do not know, so in a plain union the variant
 * with the most required properties must be tried first or a richer object would
 * match a poorer variant and lose fields.
 */
function bestFirst(variants: Node[], ir: IR): Node[] {
  const weight = (n: Node) =>
    n.k === "model" ? (ir.models.get(n.id)!.props ?? []).filter((p) => p.required).length : -1;
  return variants
    .map((n, i) => ({ n, i, w: weight(n) }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .map((x) => x.n);
}

function pipe(base: string, checks: string[]): string {
  return checks.length ? `v.pipe(${base}, ${checks.join(", ")})` : base;
}

function numberChecks(c: Checks): string[] {
  const out: string[] = [];
  if (c.minimum !== undefined) out.push(`v.minValue(${c.minimum})`);
  if (c.maximum !== undefined) out.push(`v.maxValue(${c.maximum})`);
  if (c.exclusiveMinimum !== undefined) out.push(`v.gtValue(${c.exclusiveMinimum})`);
  if (c.exclusiveMaximum !== undefined) out.push(`v.ltValue(${c.exclusiveMaximum})`);
  return out;
}

/** Facts worth a doc comment: format, constraints, deprecation. Never the spec's prose. */
export function nodeFacts(node: Node): string[] {
  const f: string[] = [];
  const n = node.k === "array" ? node.items : node;
  if ((n.k === "string" || n.k === "number") && n.format) f.push(n.format);
  if (n.k === "string" && n.enum && n.open) f.push("open enum: other values are accepted");
  const c = node.k === "string" || node.k === "number" || node.k === "array" ? node.c : undefined;
  if (c) {
    if (c.minLength !== undefined) f.push(`min length ${c.minLength}`);
    if (c.maxLength !== undefined) f.push(`max length ${c.maxLength}`);
    if (c.minimum !== undefined) f.push(`minimum ${c.minimum}`);
    if (c.maximum !== undefined) f.push(`maximum ${c.maximum}`);
    if (c.exclusiveMinimum !== undefined) f.push(`greater than ${c.exclusiveMinimum}`);
    if (c.exclusiveMaximum !== undefined) f.push(`less than ${c.exclusiveMaximum}`);
    if (c.pattern !== undefined) f.push(`pattern \`${c.pattern.replace(/\*\//g, "*\\/")}\``);
    if (c.minItems !== undefined) f.push(`min items ${c.minItems}`);
    if (c.maxItems !== undefined) f.push(`max items ${c.maxItems}`);
    if (c.uniqueItems) f.push("unique items (not enforced)");
  }
  return f;
}

/** One-line doc comment; an `@tag` goes last on its own line. */
function jsdoc(lines: string[]): string {
  const clean = lines.map((l) => l.replace(/\*\//g, "*\\/"));
  const tags = clean.filter((l) => l.startsWith("@"));
  const text = clean.filter((l) => !l.startsWith("@")).join(" · ");
  if (!tags.length) return `/** ${text} */`;
  if (!text) return `/** ${tags.join(" ")} */`;
  return `/**\n * ${text}\n${tags.map((t) => ` * ${t}`).join("\n")}\n */`;
}
