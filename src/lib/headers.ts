/**
 * One header reader for everything that reads a request hand-made by a
 * framework: a Fetch `Headers` (anything with `get`), or a Node-style record
 * (`IncomingMessage.headers`: values that are a string, an array of strings,
 * or undefined). Used by `authenticateRequest` and `verifyWebhook`.
 */
export type HeaderRecord = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Header values as Fetch `Headers`, anything with `get`, or a Node-style record. */
export type HeaderSource = Headers | { get(name: string): string | null } | HeaderRecord;

/**
 * The header's trimmed value, or undefined when it is absent or blank. In a
 * record, names match case-insensitively and every matching value (several
 * keys, arrays) is joined with `joiner`, as Fetch joins repeated headers
 * (cookies use "; "). A throwing `get` throws: callers decide what that means.
 */
export function readHeader(headers: unknown, name: string, joiner = ", "): string | undefined {
  if (headers === null || typeof headers !== "object") return undefined;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === "function") {
    const value: unknown = get.call(headers, name);
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  }
  const lower = name.toLowerCase();
  const values: string[] = [];
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== lower) continue;
    const value: unknown = (headers as Record<string, unknown>)[key];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === "string" && item.trim() !== "") values.push(item.trim());
    }
  }
  return values.length > 0 ? values.join(joiner) : undefined;
}
