// A probe, not a proposal to ship as is: how fast could clerk-fn's own response
// schemas decode if each were turned once into plain closures (inline typeof
// checks, precomputed key lists, no per-field dataset objects)? Unions,
// discriminated unions and anything unknown fall back to valibot's own `~run`.
// On any failure the caller would rerun the normal path to get the issues.
import { getGlobalConfig } from "valibot";

export const FAIL: unique symbol = Symbol("fail");
type Decoder = (input: unknown) => unknown;
type Row = readonly [from: string, to: string, schema: Schema, optional: boolean];
interface Schema {
  readonly type: string;
  readonly wrapped?: Schema;
  readonly item?: Schema;
  readonly rows?: readonly Row[];
  readonly getter?: (input: unknown) => Schema;
  "~run"(dataset: { value: unknown }, config: unknown): { value: unknown; issues?: unknown };
}

export function compile(schema: Schema): Decoder {
  switch (schema.type) {
    case "string":
    case "open_enum":
      return (x) => (typeof x === "string" ? x : FAIL);
    case "number":
      return (x) => (typeof x === "number" && !Number.isNaN(x) ? x : FAIL);
    case "boolean":
      return (x) => (typeof x === "boolean" ? x : FAIL);
    case "unknown":
      return (x) => x;
    case "free_form":
      return (x) => (x && typeof x === "object" && !Array.isArray(x) ? x : FAIL);
    case "nullable": {
      const inner = compile(schema.wrapped!);
      return (x) => (x === null ? x : inner(x));
    }
    case "optional":
    case "exact_optional": {
      const inner = compile(schema.wrapped!);
      return (x) => (x === undefined ? x : inner(x));
    }
    case "nullish": {
      const inner = compile(schema.wrapped!);
      return (x) => (x === null || x === undefined ? x : inner(x));
    }
    case "array": {
      const item = compile(schema.item!);
      return (x) => {
        if (!Array.isArray(x)) return FAIL;
        const out = new Array(x.length);
        for (let i = 0; i < x.length; i++) {
          const v = item(x[i]);
          if (v === FAIL) return FAIL;
          out[i] = v;
        }
        return out;
      };
    }
    case "mapped_object": {
      const rows = schema.rows!;
      const from = rows.map((r) => r[0]);
      const to = rows.map((r) => r[1]);
      const optional = rows.map((r) => r[3]);
      let decoders: Decoder[] | undefined; // compiled on first use: models refer to each other
      return (x) => {
        if (!x || typeof x !== "object" || Array.isArray(x)) return FAIL;
        decoders ??= rows.map((r) => compile(r[2]));
        const input = x as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (let i = 0; i < from.length; i++) {
          const v = input[from[i]!];
          if (v === undefined) {
            if (!optional[i]) return FAIL;
            continue;
          }
          const d = decoders[i]!(v);
          if (d === FAIL) return FAIL;
          out[to[i]!] = d;
        }
        return out;
      };
    }
    default: {
      const config = getGlobalConfig();
      return (x) => {
        const ds = schema["~run"]({ value: x }, config);
        return ds.issues ? FAIL : ds.value;
      };
    }
  }
}
