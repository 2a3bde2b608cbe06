import { _addIssue, _standardSchema } from "valibot";
import type { BaseIssue, BaseSchema, Config, GenericSchema } from "valibot";
import { isPlainObject } from "./json.js";

/**
 * Object schemas that validate and rename keys in one pass.
 *
 * Entries are keyed by the camelCase property name and give the wire name and
 * the value schema: `{ frontendAPI: ["frontend_api", v.string()] }`, or only the
 * schema when the wire name is the property name in snake_case (`wireName`):
 * `{ createdAt: v.number() }` reads and writes `created_at`. `inbound`
 * reads wire keys and produces camelCase (responses: unknown keys are kept,
 * see `camelName`); `outbound` reads camelCase and produces wire keys
 * (requests: unknown keys are an issue, so a misspelt field is never silently
 * dropped). Allocating each object once is what keeps decoding close to the
 * cost of JSON.parse.
 *
 * A field that breaks its schema is an issue, and the output still carries it
 * as its schema left it (a primitive exactly as sent, a nested object with its
 * own known keys renamed): `decodeResponse` (decode.ts) decides whether issues
 * fail the call (strict) or are only reported (lenient).
 */
export type Entries<T> = {
  readonly [K in keyof Required<T>]: Entry<GenericSchema<unknown, T[K]>>;
};
export type OutboundEntries<T> = {
  readonly [K in keyof Required<T>]: Entry<GenericSchema<T[K], unknown>>;
};
type Entry<S> = readonly [wire: string, schema: S] | S;

/**
 * The wire name of an entry given as a bare schema: `createdAt` → `created_at`.
 * The generator writes the wire name out wherever this would not give it.
 */
export const wireName = (property: string): string => property.replace(/[A-Z]/g, (upper) => `_${upper.toLowerCase()}`);

/**
 * The property name for a wire key the model does not declare: snake_case
 * becomes camelCase as the generator names known fields (`saml_connection` →
 * `samlConnection`, `totp_2fa` → `totp2fa`); any other key (`x5t#S256`,
 * `_private`, `alreadyCamel`) is kept as sent, so no two keys can merge.
 */
export const camelName = (wire: string): string =>
  SNAKE.test(wire) ? wire.replace(/_([a-z0-9])/g, (_, next: string) => next.toUpperCase()) : wire;
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

type Issue = BaseIssue<unknown>;
// The mutable view of valibot's dataset that a schema's `~run` works on.
type Dataset = { value: unknown; typed: boolean; issues?: Issue[] };
type Run = (this: GenericSchema, dataset: Dataset, config: Config<Issue>) => Dataset;
type Row = readonly [
  from: string,
  to: string,
  schema: GenericSchema,
  optional: boolean,
  plain: Plain | undefined,
  nullOk: boolean,
];
// The JS type a value must have when its schema is a bare primitive check.
type Plain = "string" | "number" | "boolean";

export interface MappedObjectSchema<TIn, TOut> extends BaseSchema<TIn, TOut, Issue> {
  readonly type: "mapped_object";
  readonly rows: readonly Row[];
  readonly strict: boolean;
}

// valibot's helper types its context as a full schema; ours are structurally one.
const addIssue = _addIssue as (
  context: object,
  label: string,
  dataset: Dataset,
  config: Config<Issue>,
  other?: object,
) => void;

/** A valibot-compatible schema (`~run` plus Standard Schema props) from its parts. */
/* @__NO_SIDE_EFFECTS__ */
function schema(type: string, expects: string, reference: unknown, run: Run, extra?: object): GenericSchema {
  return _standardSchema({ kind: "schema", type, reference, expects, async: false, ...extra, "~run": run } as never);
}

/**
 * A row of a mapped object. Besides the names and the schema, it says whether
 * the key may be absent and, for a bare primitive (optionally wrapped in
 * optional/nullable/nullish without a default), the JS type it accepts and
 * whether null passes: such values are checked inline, without a `~run` call
 * and its dataset allocation. That is most fields of a response, so it is most
 * of the decoding time.
 */
function row(from: string, to: string, schema: GenericSchema): Row {
  let base = schema as GenericSchema & { wrapped?: GenericSchema; default?: unknown; pipe?: unknown };
  let nullOk = false;
  while (WRAPPER.test(base.type) && base.default === undefined) {
    nullOk ||= base.type.startsWith("null");
    base = base.wrapped as typeof base;
  }
  const optional = WRAPPER.test(schema.type) && schema.type !== "nullable";
  return [from, to, schema, optional, base.pipe ? undefined : PLAIN[base.type], nullOk];
}
const WRAPPER = /^(optional|nullable|nullish|exact_optional)$/;
const PLAIN: Record<string, Plain> = { string: "string", open_enum: "string", number: "number", boolean: "boolean" };

// Path steps made by a mapped object (below): their keys are the model's own. Any
// other object step (a map's, e.g. attribute_mapping's) holds the server's data.
const namedSteps = new WeakSet<object>();

/** Whether an issue path step is a key the model names (so a log may print it). */
export const isNamedKey = (step: object): boolean => namedSteps.has(step);

/** Where an issue sits, in valibot's path format: a key of `input` that the model names. */
function step(input: Record<string, unknown>, key: string, origin: "key" | "value"): object {
  const named = { type: "object", origin, input, key, value: input[key] };
  namedSteps.add(named);
  return named;
}

/* @__NO_SIDE_EFFECTS__ */
function mapped<TIn, TOut>(
  entries: Record<string, Entry<GenericSchema>>,
  strict: boolean,
): MappedObjectSchema<TIn, TOut> {
  const rows: Row[] = [];
  // The keys the rows read, to tell unknown keys apart.
  const byKey = new Set<string>();
  for (const camel in entries) {
    const entry = entries[camel]!;
    const [wire, value] = Array.isArray(entry) ? entry : [wireName(camel), entry as GenericSchema];
    rows.push(strict ? row(camel, wire, value) : row(wire, camel, value));
    byKey.add(strict ? camel : wire);
  }
  return schema(
    "mapped_object",
    "Object",
    mapped,
    function (dataset, config) {
      const input = dataset.value;
      if (!isPlainObject(input)) {
        addIssue(this, "type", dataset, config);
        return dataset;
      }
      const out: Record<string, unknown> = {};
      // How many keys of the input the rows account for: fewer than it has means unknown keys.
      let known = 0;
      for (const [from, to, valueSchema, optional, plain, nullOk] of rows) {
        const value = input[from];
        // An undefined property counts as absent (only a caller's request object can have one).
        if (value === undefined) {
          if (!optional)
            addIssue(this, "key", dataset, config, {
              input: value,
              expected: `"${from}"`,
              path: [step(input, from, "key")],
            });
          continue;
        }
        known++;
        // Fast path (`value === value` turns NaN away); anything it does not accept
        // goes through the schema for the issue.
        if (plain && (value === null ? nullOk : typeof value === plain && value === value)) {
          out[to] = value;
          continue;
        }
        const inner = valueSchema["~run"]({ value }, config) as Dataset;
        if (inner.issues) {
          for (const issue of inner.issues)
            ((issue as { path?: unknown[] }).path ??= []).unshift(step(input, from, "value"));
          (dataset.issues ??= []).push(...(inner.issues as Issue[]));
        }
        out[to] = inner.value;
      }
      // Counting keys is much cheaper than looking each one up: the lookups run only
      // when the input has a key the rows did not account for (unknown, or undefined).
      let count = 0;
      for (const _ in input) count++;
      if (count > known) {
        for (const key in input) {
          if (byKey.has(key) || input[key] === undefined) continue;
          if (strict)
            addIssue(this, "key", dataset, config, {
              input: key,
              expected: "a known property",
              path: [step(input, key, "key")],
            });
          else keepUnknown(out, key, input[key]);
        }
      }
      dataset.typed = !dataset.issues;
      dataset.value = out;
      return dataset;
    },
    { rows, strict },
  ) as unknown as MappedObjectSchema<TIn, TOut>;
}

/**
 * An undeclared response key: kept under `camelName(key)`, its value exactly as
 * sent (never renamed inside, so a free-form map cannot be corrupted). A
 * declared property of the same name wins; `__proto__` stays an own property.
 */
function keepUnknown(out: Record<string, unknown>, key: string, value: unknown): void {
  const name = camelName(key);
  if (Object.hasOwn(out, name)) return;
  if (name === "__proto__")
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  else out[name] = value;
}

/** Response object: wire keys in, camelCase out; unknown keys kept (`camelName`), values as sent. */
/* @__NO_SIDE_EFFECTS__ */
export function inbound<T>(entries: Entries<T>): MappedObjectSchema<unknown, T> {
  return mapped(entries as Record<string, Entry<GenericSchema>>, false);
}

/** Request object: camelCase in, wire keys out; unknown keys rejected. */
/* @__NO_SIDE_EFFECTS__ */
export function outbound<T>(entries: OutboundEntries<T>): MappedObjectSchema<T, unknown> {
  return mapped(entries as Record<string, Entry<GenericSchema>>, true);
}

/**
 * A free-form map (metadata, `additionalProperties: true`): any plain object,
 * passed through by reference so its keys stay byte for byte as they are.
 */
/* @__NO_SIDE_EFFECTS__ */
export function freeForm<T = Record<string, unknown>>(): BaseSchema<T, T, Issue> {
  return custom("free_form", "Object", isPlainObject) as BaseSchema<T, T, Issue>;
}

/**
 * An open enum: any string is accepted, so a value Clerk adds later never fails
 * decoding. The known values are in the type (`openEnum<"a" | "b">()`, as
 * responses use it); a request schema also passes them (`openEnum(["a", "b"])`)
 * to keep them at run time in `options`, for tools that build sample requests.
 */
/* @__NO_SIDE_EFFECTS__ */
export function openEnum<const T extends string>(options?: readonly T[]): OpenEnumSchema<T> {
  return custom("open_enum", "string", (v) => typeof v === "string", { options }) as unknown as OpenEnumSchema<T>;
}

export interface OpenEnumSchema<T extends string> extends BaseSchema<T | (string & {}), T | (string & {}), Issue> {
  readonly type: "open_enum";
  /** The known values, when the schema was given them (request schemas). */
  readonly options?: readonly T[];
}

/**
 * A union chosen by a discriminator property read from the input (wire name).
 * An unknown discriminator value goes to `fallback` when given (lenient
 * responses): a schema, or "try-each" to take the first variant that accepts
 * the value (cheaper in a bundle than a second list of the variants in a
 * v.union); without a fallback it is an issue.
 */
/* @__NO_SIDE_EFFECTS__ */
export function discriminated<T>(
  key: string,
  options: Readonly<Record<string, GenericSchema<unknown, T>>>,
  fallback?: GenericSchema<unknown, T> | "try-each",
): BaseSchema<unknown, T, Issue> {
  return schema("discriminated", "Object", discriminated, function (dataset, config) {
    const tag = (dataset.value as Record<string, unknown> | null | undefined)?.[key];
    const chosen = typeof tag === "string" && Object.hasOwn(options, tag) ? options[tag] : fallback;
    if (chosen === "try-each") {
      for (const option of Object.values(options)) {
        const tried = option["~run"]({ value: dataset.value }, config) as Dataset;
        if (!tried.issues) return tried;
      }
    } else if (chosen) return chosen["~run"](dataset as never, config) as Dataset;
    addIssue(this, "type", dataset, config, { expected: `"${key}" one of ${Object.keys(options).join(", ")}` });
    return dataset;
  }) as BaseSchema<unknown, T, Issue>;
}

/* @__NO_SIDE_EFFECTS__ */
function custom(type: string, expects: string, check: (value: unknown) => boolean, extra?: object): GenericSchema {
  return schema(
    type,
    expects,
    custom,
    function (dataset, config) {
      if (check(dataset.value)) dataset.typed = true;
      else addIssue(this, "type", dataset, config);
      return dataset;
    },
    extra,
  );
}
