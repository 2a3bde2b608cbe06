/** The kinds of token a request can carry. */
export type TokenType = "session_token" | "m2m_token" | "oauth_token" | "api_key";

/** The machine kinds: opaque tokens verified by Clerk's API. */
export type MachineTokenType = Exclude<TokenType, "session_token">;

/** Which token kinds a caller accepts: one kind, several, or "any". */
export type AcceptsToken = TokenType | "any" | readonly (TokenType | "any")[];

/** The token's kind by its prefix; anything unprefixed is a session JWT. */
export function detectTokenType(token: string): TokenType {
  if (token.startsWith("mt_") || token.startsWith("m2m_")) return "m2m_token";
  if (token.startsWith("oat_")) return "oauth_token";
  if (token.startsWith("ak_")) return "api_key";
  return "session_token";
}

export function isMachineTokenType(type: TokenType): type is MachineTokenType {
  return type !== "session_token";
}

/** Whether `type` is allowed; unknown entries in `accepts` allow nothing. */
export function acceptsTokenType(accepts: AcceptsToken | undefined, type: TokenType): boolean {
  const list: readonly unknown[] =
    accepts === undefined ? ["session_token"] : Array.isArray(accepts) ? accepts : [accepts];
  return list.includes("any") || list.includes(type);
}
