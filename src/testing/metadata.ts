// Clerk's metadata merge (PATCH .../metadata): nested objects merge key by key, any other
// value replaces, and `null` deletes the key. PUT .../metadata replaces a field whole.
import { isPlainObject } from "../lib/json.js";

export type Metadata = Record<string, unknown>;

function mergeMetadata(current: Metadata, patch: Metadata): Metadata {
  const merged: Metadata = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (isPlainObject(value) && isPlainObject(merged[key])) merged[key] = mergeMetadata(merged[key], value);
    else merged[key] = value;
  }
  return merged;
}

/** Applies a metadata body to a record: each field sent merges into (or, with `replace`, replaces) the stored one. */
export function applyMetadata<K extends string>(
  record: Record<K, Metadata>,
  body: Readonly<Record<string, unknown>>,
  fields: readonly K[],
  replace: boolean,
): void {
  for (const field of fields) {
    const patch = body[field] as Metadata | undefined;
    if (patch) record[field] = replace ? patch : mergeMetadata(record[field], patch);
  }
}
