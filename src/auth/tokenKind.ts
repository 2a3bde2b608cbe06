import { decodeJwt } from "./sessionJwt.js";
import { detectTokenType, type TokenType } from "./tokenType.js";

/** A token's kind, or "other-jwt" for a JWT of one of Clerk's categories that is no session token. */
export type TokenKind = TokenType | "other-jwt";

/** The `cat` header values a session token may carry (Clerk's session category, and the one it says to ignore). */
const SESSION_CATEGORIES: readonly unknown[] = [undefined, "cl_B7d4PD111AAA", "cl_I7d4PD111III"];
/** The `typ` header values of OAuth access tokens in JWT format (RFC 9068). */
export const OAUTH_JWT_TYPES: readonly string[] = ["at+jwt", "application/at+jwt"];

/**
 * What a token claims to be, read without verifying anything (the signature is
 * checked later, as for any token), by the rules Clerk's SDK uses: machine
 * tokens by prefix (`mt_`, `oat_`, `ak_`); a JWT whose subject is a machine
 * (`mch_…`) is an M2M token, one typed `at+jwt` an OAuth access token, one whose
 * `cat` header names another category (a JWT-template or M2M token) is
 * "other-jwt"; anything else is a session token. `prefixes: false` (a cookie)
 * reads JWTs only.
 */
export function tokenKind(token: string, prefixes = true): TokenKind {
  const byPrefix = detectTokenType(token);
  if (byPrefix !== "session_token") return prefixes ? byPrefix : "session_token";
  const decoded = decodeJwt(token);
  if (!decoded.ok) return "session_token";
  const { header, payload } = decoded.value;
  if (typeof payload.sub === "string" && payload.sub.startsWith("mch_")) return "m2m_token";
  if (OAUTH_JWT_TYPES.includes(header.typ as string)) return "oauth_token";
  return SESSION_CATEGORIES.includes(header.cat) ? "session_token" : "other-jwt";
}
