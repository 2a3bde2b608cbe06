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
  const lower = name.toLowerCase();
  // Every value the source holds for the name (a record may spread it over keys and arrays).
  const raw: unknown[] =
    typeof get === "function"
      ? [get.call(headers, name)]
      : Object.keys(headers)
          .filter((key) => key.toLowerCase() === lower)
          .flatMap((key) => (headers as Record<string, unknown>)[key]);
  const values = raw.map((value) => (typeof value === "string" ? value.trim() : "")).filter((text) => text !== "");
  return values.length > 0 ? values.join(joiner) : undefined;
}
