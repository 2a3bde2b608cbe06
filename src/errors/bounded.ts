// Limits for server data shown by an error's toJSON (and so its inspect output).
// The full data stays on the error's fields (`body`, `data`, `rawValue`).
const MAX_DEPTH = 8;
const MAX_ENTRIES = 50;
export const MAX_STRING = 4096;

/** `text` cut to `max` characters, with "…" when cut. */
export const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * A JSON-safe copy of `value` (parsed JSON from a server) with bounded size: at
 * most MAX_DEPTH levels, MAX_ENTRIES items per array or object and MAX_STRING
 * characters per string. Deeper values become "[…]"; cut lists end with a
 * "… N more" marker. Anything that is not JSON data is left out.
 */
export function bounded(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return clip(value, MAX_STRING);
  if (typeof value !== "object" || value === null)
    return typeof value === "number" || typeof value === "boolean" || value === null ? value : undefined;
  if (depth >= MAX_DEPTH) return "[…]";
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ENTRIES).map((item) => bounded(item, depth + 1) ?? null);
    return value.length > MAX_ENTRIES ? [...items, `… ${value.length - MAX_ENTRIES} more`] : items;
  }
  const entries = Object.entries(value);
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries.slice(0, MAX_ENTRIES)) out[clip(key, 200)] = bounded(item, depth + 1);
  if (entries.length > MAX_ENTRIES) out["…"] = `${entries.length - MAX_ENTRIES} more`;
  return out;
}
