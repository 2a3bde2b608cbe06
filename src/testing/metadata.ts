// Clerk's metadata merge (PATCH .../metadata): nested objects merge key by key, any other
// value replaces, and `null` deletes the key.
export type Metadata = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Metadata =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function mergeMetadata(current: Metadata, patch: Metadata): Metadata {
  const merged: Metadata = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (isPlainObject(value) && isPlainObject(merged[key]))
      merged[key] = mergeMetadata(merged[key] as Metadata, value);
    else merged[key] = value;
  }
  return merged;
}
