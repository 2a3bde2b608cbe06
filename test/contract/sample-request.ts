import { regexSample } from "./regex-sample.js";

/**
 * Builds a request for an operation by walking its own valibot request
 * schema (never a hand list): "minimal" sets only what is required, "maximal"
 * sets every optional input, arrays get two items and free-form maps nested
 * values. Values respect the schema's checks (lengths, ranges, patterns,
 * formats, enums) so a correct client produces a request the spec accepts.
 */
export type SampleMode = "minimal" | "maximal";

/** Thrown (inside the test helpers only) when a schema has a node we cannot sample. */
export class UnsampleableSchemaError extends Error {
  override name = "UnsampleableSchemaError";
}

interface SchemaNode {
  readonly type: string;
  readonly kind?: string;
  readonly pipe?: readonly SchemaNode[];
  readonly requirement?: unknown;
  readonly [key: string]: unknown;
}

interface Ctx {
  readonly mode: SampleMode;
  /** How many `lazy` (recursive) schemas lie on the path so far. */
  readonly recursion: number;
  readonly variant: number;
  readonly path: string;
}

const OPTIONAL = new Set(["optional", "exact_optional", "nullish", "undefinedable"]);
// Recursive models get optional fields for two levels, then only required ones.
const MAX_RECURSION = 2;

export function sampleRequest(schema: unknown, mode: SampleMode): unknown {
  return sample(schema as SchemaNode, { mode, recursion: 0, variant: 0, path: "$" });
}

function sample(node: SchemaNode, ctx: Ctx): unknown {
  const actions = (node.pipe ?? []).filter((a) => a.kind !== "schema") as SchemaNode[];
  switch (node.type) {
    case "mapped_object":
      return objectFrom(
        (node.rows as [string, string, SchemaNode, boolean][]).map(
          ([key, , s, optional]) => [key, s, optional] as const,
        ),
        ctx,
      );
    case "object":
    case "loose_object":
    case "strict_object":
    case "object_with_rest":
      return objectFrom(
        Object.entries(node.entries as Record<string, SchemaNode>).map(
          ([key, s]) => [key, s, OPTIONAL.has(s.type)] as const,
        ),
        ctx,
      );
    case "optional":
    case "exact_optional":
    case "nullish":
    case "undefinedable":
    case "nullable":
    case "non_nullable":
    case "non_optional":
    case "non_nullish":
      return sample(node.wrapped as SchemaNode, ctx);
    case "lazy":
      return sample((node.getter as (input: unknown) => SchemaNode)(undefined), {
        ...ctx,
        recursion: ctx.recursion + 1,
      });
    case "string":
      return stringSample(actions, ctx);
    case "number":
      return numberSample(actions, ctx);
    case "bigint":
      return BigInt(numberSample(actions, ctx));
    case "boolean":
      return true;
    case "literal":
      return node.literal;
    case "picklist":
    case "open_enum":
      return pickOption(node.options as readonly unknown[], ctx);
    case "enum":
      return pickOption(Object.values(node.enum as Record<string, unknown>), ctx);
    case "null":
      return null;
    case "array":
      return arraySample(node.item as SchemaNode, actions, ctx);
    case "tuple":
    case "strict_tuple":
    case "loose_tuple":
      return (node.items as SchemaNode[]).map((s, i) => sample(s, child(ctx, `[${i}]`, i)));
    case "union":
      return unionSample(node.options as SchemaNode[], ctx);
    case "variant":
      return unionSample(node.options as SchemaNode[], ctx);
    case "free_form":
      return freeFormSample(ctx);
    case "record":
      return { [`key_${ctx.variant}`]: sample(node.value as SchemaNode, child(ctx, ".key", ctx.variant)) };
    case "blob":
    case "file":
    case "instance":
      return fileSample(node, ctx);
    case "date":
      return new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    case "any":
    case "unknown":
      return ctx.mode === "maximal" ? { sample: "value", nested: { n: 1 } } : "value";
    case "custom":
      return customSample(node, ctx);
    default:
      throw new UnsampleableSchemaError(`no sample for schema type "${node.type}" at ${ctx.path}`);
  }
}

function child(ctx: Ctx, step: string, variant = ctx.variant): Ctx {
  return { ...ctx, variant, path: ctx.path + step };
}

function objectFrom(rows: readonly (readonly [string, SchemaNode, boolean])[], ctx: Ctx): Record<string, unknown> {
  const includeOptional = ctx.mode === "maximal" && ctx.recursion <= MAX_RECURSION;
  const out: Record<string, unknown> = {};
  for (const [key, s, optional] of rows) {
    if (optional && !includeOptional) continue;
    out[key] = sample(s, child(ctx, `.${key}`));
  }
  return out;
}

function pickOption(options: readonly unknown[], ctx: Ctx): unknown {
  if (options.length === 0) throw new UnsampleableSchemaError(`empty enum at ${ctx.path}`);
  return options[ctx.variant % options.length];
}

function unionSample(options: readonly SchemaNode[], ctx: Ctx): unknown {
  // Prefer the richest branch in maximal mode (objects over primitives), else the first.
  const ordered = ctx.mode === "maximal" ? [...options].sort((a, b) => richness(b) - richness(a)) : options;
  let last: unknown;
  for (const option of ordered) {
    try {
      return sample(option, ctx);
    } catch (error) {
      last = error;
    }
  }
  throw last ?? new UnsampleableSchemaError(`empty union at ${ctx.path}`);
}

function richness(node: SchemaNode): number {
  const inner = node.type === "nullable" || node.type === "optional" ? (node.wrapped as SchemaNode) : node;
  if (inner.type === "null" || inner.type === "undefined") return -1;
  return /object/.test(inner.type) ? 2 : inner.type === "array" ? 1 : 0;
}

function arraySample(item: SchemaNode, actions: readonly SchemaNode[], ctx: Ctx): unknown[] {
  let count = ctx.mode === "maximal" ? 2 : 1;
  for (const a of actions) {
    if (a.type === "min_length" || a.type === "length") count = Math.max(count, a.requirement as number);
    if (a.type === "non_empty") count = Math.max(count, 1);
  }
  for (const a of actions) {
    if (a.type === "max_length" || a.type === "length") count = Math.min(count, a.requirement as number);
  }
  return Array.from({ length: count }, (_, i) => sample(item, child(ctx, `[${i}]`, ctx.variant + i)));
}

function freeFormSample(ctx: Ctx): Record<string, unknown> {
  if (ctx.mode === "minimal") return {};
  return {
    plan: `pro_${ctx.variant}`,
    seats: 3,
    flags: { beta: true, tags: ["a", "b"] },
    nested: { snake_case_key: { deeper: [1, { camelKey: null }] } },
  };
}

// An opaque check (v.custom): offer a few typical values, keep the first it accepts.
function customSample(node: SchemaNode, ctx: Ctx): unknown {
  const candidates = [
    () => fileSample({ type: "file" }, ctx),
    () => `sample${ctx.variant}`,
    () => 10 + ctx.variant,
    () => true,
    () => ({}),
  ];
  for (const make of candidates) {
    const value = make();
    const run = (node as unknown as { "~run": (d: { value: unknown }, c: object) => { issues?: unknown[] } })["~run"];
    if (!run.call(node, { value }, {}).issues) return value;
  }
  throw new UnsampleableSchemaError(`no candidate satisfies the custom check at ${ctx.path}`);
}

function fileSample(node: SchemaNode, ctx: Ctx): Blob {
  // A tiny valid PNG header is enough: Prism checks only that a part is present.
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const cls = node.class as (abstract new (...args: never[]) => unknown) | undefined;
  if (node.type === "instance" && cls && cls !== Blob && cls !== File) {
    throw new UnsampleableSchemaError(`instance of ${cls.name} at ${ctx.path}`);
  }
  return new File([bytes], `sample_${ctx.variant}.png`, { type: "image/png" });
}

function numberSample(actions: readonly SchemaNode[], ctx: Ctx): number {
  let lo = -Infinity;
  let hi = Infinity;
  let step = 1;
  for (const a of actions) {
    const r = a.requirement as number;
    if (a.type === "min_value" || a.type === "to_min_value") lo = Math.max(lo, r);
    if (a.type === "gt_value") lo = Math.max(lo, Math.floor(r) + 1);
    if (a.type === "max_value" || a.type === "to_max_value") hi = Math.min(hi, r);
    if (a.type === "lt_value") hi = Math.min(hi, Math.ceil(r) - 1);
    if (a.type === "multiple_of") step = r;
  }
  // Integers always: every numeric input in Clerk's spec is an integer.
  let n = 10 + ctx.variant;
  if (n < lo) n = Math.ceil(lo);
  if (n > hi) n = Math.floor(hi);
  if (step !== 1) n = Math.ceil(n / step) * step;
  return n;
}

function stringSample(actions: readonly SchemaNode[], ctx: Ctx): string {
  const v = ctx.variant;
  let s: string | undefined;
  let min = 0;
  let max = Infinity;
  for (const a of actions) {
    switch (a.type) {
      case "regex":
        s = regexSample(a.requirement as RegExp, v);
        if (s === undefined)
          throw new UnsampleableSchemaError(`cannot sample pattern ${String(a.requirement)} at ${ctx.path}`);
        break;
      case "email":
      case "rfc_email":
        s = `user${v}@example.com`;
        break;
      case "url":
        s = `https://example.com/page${v}`;
        break;
      case "uuid":
        s = `00000000-0000-4000-8000-00000000000${v % 10}`;
        break;
      case "iso_timestamp":
        s = `2026-01-0${(v % 9) + 1}T03:04:05.000Z`;
        break;
      case "iso_date_time":
        s = `2026-01-0${(v % 9) + 1}T03:04`;
        break;
      case "iso_date":
        s = `2026-01-0${(v % 9) + 1}`;
        break;
      case "min_length":
        min = Math.max(min, a.requirement as number);
        break;
      case "max_length":
        max = Math.min(max, a.requirement as number);
        break;
      case "length":
        min = Math.max(min, a.requirement as number);
        max = Math.min(max, a.requirement as number);
        break;
      case "non_empty":
        min = Math.max(min, 1);
        break;
      case "starts_with":
        s = `${a.requirement as string}${s ?? `sample${v}`}`;
        break;
    }
  }
  s ??= `sample${v}`;
  if (s.length < min) s = s + "x".repeat(min - s.length);
  if (s.length > max) s = s.slice(0, max);
  return s;
}
