import { _addIssue, getGlobalConfig } from "valibot";
import type { BaseIssue, BaseSchema, Config, GenericSchema, OutputDataset } from "valibot";

/**
 * Object schemas that validate and rename keys in one pass.
 *
 * Entries are keyed by the camelCase property name and give the wire name and
 * the value schema: `{ createdAt: ["created_at", v.number()] }`. `inbound`
 * reads wire keys and produces camelCase (responses: unknown keys are ignored);
 * `outbound` reads camelCase and produces wire keys (requests: unknown keys are
 * an issue, so a misspelt field is never silently dropped). Allocating each
 * object once is what keeps decoding close to the cost of JSON.parse.
 */
export type Entries<T> = {
  readonly [K in keyof Required<T>]: readonly [wire: string, schema: GenericSchema<unknown, T[K]>];
};
export type OutboundEntries<T> = {
  readonly [K in keyof Required<T>]: readonly [wire: string, schema: GenericSchema<T[K], unknown>];
};

type Issue = BaseIssue<unknown>;
type Dataset = OutputDataset<unknown, Issue>;
type Row = readonly [from: string, to: string, schema: GenericSchema, optional: boolean];

export interface MappedObjectSchema<TIn, TOut> extends BaseSchema<TIn, TOut, Issue> {
  readonly type: "mapped_object";
  readonly rows: readonly Row[];
  readonly strict: boolean;
}

const OPTIONAL = new Set(["optional", "nullish", "exact_optional"]);

// valibot's helper types its context as a full schema; ours are structurally one.
function addIssue(context: object, label: string, dataset: Dataset, config: Config<Issue>, other?: object): void {
  _addIssue(context as never, label, dataset as never, config, other as never);
}

/* @__NO_SIDE_EFFECTS__ */
function mapped<TIn, TOut>(entries: Record<string, readonly [string, GenericSchema]>, outbound: boolean): MappedObjectSchema<TIn, TOut> {
  const rows: Row[] = [];
  for (const camel in entries) {
    const [wire, schema] = entries[camel]!;
    rows.push(outbound ? [camel, wire, schema, OPTIONAL.has(schema.type)] : [wire, camel, schema, OPTIONAL.has(schema.type)]);
  }
  const known = outbound ? new Set(rows.map((r) => r[0])) : undefined;
  const schema = {
    kind: "schema",
    type: "mapped_object",
    reference: mapped,
    expects: "Object",
    async: false,
    rows,
    strict: outbound,
    "~run"(dataset: { value: unknown }, config: Config<Issue>): Dataset {
      const ds = dataset as Dataset & { value: unknown };
      const input = ds.value as Record<string, unknown>;
      if (!input || typeof input !== "object" || Array.isArray(input)) {
        addIssue(this, "type", ds, config);
        return ds;
      }
      const out: Record<string, unknown> = {};
      for (const [from, to, valueSchema, optional] of rows) {
        const value = input[from];
        if (value === undefined) {
          if (!optional) {
            addIssue(this, "key", ds, config, {
              input: undefined,
              expected: `"${from}"`,
              path: [{ type: "object", origin: "key", input, key: from, value }],
            });
          }
          continue;
        }
        const inner = valueSchema["~run"]({ value }, config) as Dataset;
        if (inner.issues) {
          for (const issue of inner.issues) {
            const item = { type: "object" as const, origin: "value" as const, input, key: from, value };
            if (issue.path) (issue.path as unknown[]).unshift(item);
            else (issue as { path: unknown[] }).path = [item];
          }
          if (ds.issues) (ds.issues as Issue[]).push(...inner.issues);
          else (ds as unknown as { issues: Issue[] }).issues = [...inner.issues];
        }
        out[to] = inner.value;
      }
      if (known) {
        for (const key in input) {
          if (!known.has(key) && input[key] !== undefined) {
            addIssue(this, "key", ds, config, {
              input: key,
              expected: "a known property",
              received: `unknown property "${key}"`,
              path: [{ type: "object", origin: "key", input, key, value: input[key] }],
            });
          }
        }
      }
      (ds as { typed: boolean }).typed = !ds.issues;
      ds.value = out;
      return ds;
    },
    "~standard": {
      version: 1,
      vendor: "valibot",
      validate(value: unknown) {
        return schema["~run"]({ value }, getGlobalConfig());
      },
    },
  };
  return schema as unknown as MappedObjectSchema<TIn, TOut>;
}

/** Response object: wire keys in, camelCase out; unknown keys ignored. */
/* @__NO_SIDE_EFFECTS__ */
export function inbound<T>(entries: Entries<T>): MappedObjectSchema<unknown, T> {
  return mapped(entries as Record<string, readonly [string, GenericSchema]>, false);
}

/** Request object: camelCase in, wire keys out; unknown keys rejected. */
/* @__NO_SIDE_EFFECTS__ */
export function outbound<T>(entries: OutboundEntries<T>): MappedObjectSchema<T, unknown> {
  return mapped(entries as Record<string, readonly [string, GenericSchema]>, true);
}

/**
 * A free-form map (metadata, `additionalProperties: true`): any plain object,
 * passed through by reference so its keys stay byte for byte as they are.
 */
/* @__NO_SIDE_EFFECTS__ */
export function freeForm<T = Record<string, unknown>>(): BaseSchema<T, T, Issue> {
  return custom("free_form", "Object", (v) => !!v && typeof v === "object" && !Array.isArray(v)) as BaseSchema<T, T, Issue>;
}

/**
 * An open enum: the known values are in the type (and kept at run time in
 * `options`, for tools that build sample requests), but any string is accepted,
 * so a value Clerk adds later never fails decoding.
 */
/* @__NO_SIDE_EFFECTS__ */
export function openEnum<const T extends string>(options: readonly T[]): OpenEnumSchema<T> {
  const schema = custom("open_enum", "string", (v) => typeof v === "string");
  return Object.assign(schema, { options }) as unknown as OpenEnumSchema<T>;
}

export interface OpenEnumSchema<T extends string> extends BaseSchema<T | (string & {}), T | (string & {}), Issue> {
  readonly type: "open_enum";
  readonly options: readonly T[];
}

/**
 * A union chosen by a discriminator property read from the input (wire name).
 * An unknown discriminator value falls back to `fallback` when given (lenient
 * responses), else it is an issue.
 */
/* @__NO_SIDE_EFFECTS__ */
export function discriminated<T>(
  key: string,
  options: Readonly<Record<string, GenericSchema<unknown, T>>>,
  fallback?: GenericSchema<unknown, T>,
): BaseSchema<unknown, T, Issue> {
  const schema = {
    kind: "schema",
    type: "discriminated",
    reference: discriminated,
    expects: "Object",
    async: false,
    "~run"(dataset: { value: unknown }, config: Config<Issue>): Dataset {
      const input = dataset.value as Record<string, unknown> | null;
      const tag = input && typeof input === "object" ? input[key] : undefined;
      const chosen = (typeof tag === "string" && Object.prototype.hasOwnProperty.call(options, tag) ? options[tag] : undefined) ?? fallback;
      if (!chosen) {
        addIssue(this, "type", dataset as Dataset, config, {
          expected: `an object whose "${key}" is one of ${Object.keys(options).map((k) => `"${k}"`).join(", ")}`,
        });
        return dataset as Dataset;
      }
      return chosen["~run"](dataset, config) as Dataset;
    },
    "~standard": {
      version: 1,
      vendor: "valibot",
      validate(value: unknown) {
        return schema["~run"]({ value }, getGlobalConfig());
      },
    },
  };
  return schema as unknown as BaseSchema<unknown, T, Issue>;
}

/* @__NO_SIDE_EFFECTS__ */
function custom(type: string, expects: string, check: (value: unknown) => boolean): GenericSchema {
  const schema = {
    kind: "schema",
    type,
    reference: custom,
    expects,
    async: false,
    "~run"(dataset: { value: unknown }, config: Config<Issue>): Dataset {
      if (check(dataset.value)) (dataset as unknown as { typed: boolean }).typed = true;
      else addIssue(this, "type", dataset as Dataset, config);
      return dataset as Dataset;
    },
    "~standard": {
      version: 1,
      vendor: "valibot",
      validate(value: unknown) {
        return schema["~run"]({ value }, getGlobalConfig());
      },
    },
  };
  return schema as unknown as GenericSchema;
}
