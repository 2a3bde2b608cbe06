// Limits for server data shown by an error's message and toJSON (and so its
// inspect output). The full data stays on the error's fields (`body`, `data`, `rawValue`).
const MAX_DEPTH = 8;
const MAX_ENTRIES = 50;
export const MAX_STRING = 4096;

/** `text` cut to `max` characters, with "…" when cut. */
export const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * The first 3 `items` as `describe` words them, each cut to 250 characters,
 * joined by "; " and followed by "; …" when there are more: the part of a
 * message that lists issues or errors, bounded whatever the server sent.
 */
export const firstFew = <T>(items: readonly T[], describe: (item: T) => string): string =>
  items
    .slice(0, 3)
    .map((item) => clip(describe(item), 250))
    .join("; ") + (items.length > 3 ? "; …" : "");

/**
 * A copy of `value` (parsed JSON from a server) with bounded size: at most
 * MAX_DEPTH levels and MAX_ENTRIES items per array or object. Deeper values
 * become "[…]"; a cut list ends with a "… N more" item, a cut object with a "…"
 * key saying so. Strings are left to toJSON, which cuts every string at
 * MAX_STRING characters and drops what is not JSON data.
 */
export function bounded(value: unknown, depth = 0): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_DEPTH) return "[…]";
  const entries = Object.entries(value);
  const kept = entries.slice(0, MAX_ENTRIES).map(([key, item]) => [clip(key, 200), bounded(item, depth + 1)]);
  if (entries.length > MAX_ENTRIES) kept.push(["…", `… ${entries.length - MAX_ENTRIES} more`]);
  return Array.isArray(value) ? kept.map(([, item]) => item) : Object.fromEntries(kept);
}
