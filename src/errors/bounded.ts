// Limits for what an error shows in its message, toJSON and inspect output. The
// full data stays on the error's fields (`body`, `data`, `rawValue`, `issues`).
const MAX_DEPTH = 8;
const MAX_ENTRIES = 50;
export const MAX_STRING = 4096;

/** `text` cut to `max` characters, with "…" when cut. */
export const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * A JSON-safe copy of `value` with bounded size: at most MAX_DEPTH levels,
 * MAX_ENTRIES items per array or object, MAX_STRING characters per string
 * (each passed through `clean`). Headers become a plain object without
 * `set-cookie`; an Error becomes its name, message and code; functions, symbols
 * and undefined are left out; bigints become strings. Cycles end at the depth limit.
 */
export function bounded(value: unknown, clean: (text: string) => string, depth = 0): unknown {
  switch (typeof value) {
    case "string":
      return clean(clip(value, MAX_STRING));
    case "number":
    case "boolean":
      return value;
    case "bigint":
      return String(value);
    case "object":
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return "[…]";
  if (value instanceof Error) {
    const { code } = value as { code?: unknown };
    return { name: clean(clip(value.name, 200)), message: clean(clip(value.message, MAX_STRING)), code: bounded(code, clean, MAX_DEPTH - 1) };
  }
  const entries = value instanceof Headers ? [...value].filter(([name]) => name !== "set-cookie") : Object.entries(value);
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ENTRIES).map((item) => bounded(item, clean, depth + 1) ?? null);
    return value.length > MAX_ENTRIES ? [...items, `… ${value.length - MAX_ENTRIES} more`] : items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries.slice(0, MAX_ENTRIES)) out[clean(clip(key, 200))] = bounded(item, clean, depth + 1);
  if (entries.length > MAX_ENTRIES) out["…"] = `${entries.length - MAX_ENTRIES} more`;
  return out;
}
