/**
 * Reads one header from whatever a framework hands us: a Fetch `Headers`, or a
 * Node-style record (`IncomingMessage.headers`: lower-case keys, values that
 * are a string, an array of strings, or undefined).
 */
export type HeaderRecord = Record<string, string | readonly string[] | undefined>;

/** What `authenticateRequest` accepts: a Fetch `Request` or anything with `headers`. */
export interface RequestLike {
  readonly headers: Headers | HeaderRecord;
}

interface HeadersLike {
  get(name: string): string | null;
}

function isHeadersLike(value: unknown): value is HeadersLike {
  return typeof (value as HeadersLike).get === "function";
}

/**
 * The header's value, or undefined. Repeated values are joined with `joiner`
 * (cookies use "; ", everything else ", "), as Fetch would.
 */
export function readHeader(
  headers: unknown,
  name: string,
  joiner = ", ",
): string | undefined {
  if (headers === null || typeof headers !== "object") return undefined;
  if (isHeadersLike(headers)) {
    const value = headers.get(name);
    return value === null ? undefined : value;
  }
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== lower) continue;
    const value: unknown = (headers as Record<string, unknown>)[key];
    if (typeof value === "string") return value;
    if (Array.isArray(value)) {
      const parts = value.filter((v): v is string => typeof v === "string");
      return parts.length > 0 ? parts.join(joiner) : undefined;
    }
  }
  return undefined;
}
