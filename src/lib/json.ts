/** An object that is not null and not an array: what a JSON object parses to. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === "object" && !Array.isArray(value);
