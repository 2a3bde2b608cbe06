import { readHeader } from "../lib/headers.js";

/** Where a request's token came from; machine tokens count only from the header. */
export type TokenSource = "authorization-header" | "session-cookie";

export interface FoundToken {
  readonly token: string;
  readonly source: TokenSource;
}

// `Bearer <token>`, or the token alone (as @clerk/backend reads it); another scheme is not ours.
const BEARER = /^(?:bearer[ \t]+)?(\S+)$/i;
const SESSION_COOKIE = "__session";

/**
 * The request's token: `Authorization: Bearer <token>` (or a bare token) first,
 * any other scheme ignored, else the `__session` cookie, else a
 * `__session_<suffix>` cookie.
 */
export function findToken(headers: unknown): FoundToken | undefined {
  const authorization = readHeader(headers, "authorization");
  const bearer = authorization === undefined ? null : BEARER.exec(authorization.trim());
  const token = bearer?.[1];
  // "Bearer" alone is an empty bearer, not a token.
  if (token && token.toLowerCase() !== "bearer") return { token, source: "authorization-header" };

  const cookie = readHeader(headers, "cookie", "; ");
  const fromCookie = cookie === undefined ? undefined : sessionCookie(cookie);
  return fromCookie ? { token: fromCookie, source: "session-cookie" } : undefined;
}

function sessionCookie(header: string): string | undefined {
  let suffixed: string | undefined;
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = cookieValue(pair.slice(eq + 1));
    if (!value) continue;
    if (name === SESSION_COOKIE) return value;
    if (suffixed === undefined && name.startsWith(SESSION_COOKIE + "_")) suffixed = value;
  }
  return suffixed;
}

function cookieValue(raw: string): string {
  let value = raw.trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  try {
    return decodeURIComponent(value);
  } catch {
    // A malformed escape is not ours to fix; the token check will reject it.
    return value;
  }
}
