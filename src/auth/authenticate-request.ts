import { verifyMachineToken } from "./machine-token.js";
import type { AuthenticateRequestOptions } from "./options.js";
import type { TokenVerificationError } from "./reasons.js";
import { signedInWithMachine, signedInWithSession, signedOut, type RequestState } from "./request-state.js";
import type { RequestLike } from "./headers.js";
import { findToken } from "./token-source.js";
import { ALL_TOKEN_TYPES, acceptsTokenType, detectTokenType, isMachineTokenType, type AcceptsToken, type TokenType } from "./token-type.js";
import { verifyToken } from "./verify-token.js";

/**
 * Authenticates an incoming request by its session token (Authorization bearer,
 * else the `__session` cookie) or machine token (Authorization only). Works with
 * a Fetch `Request` or a Node/Express request. Never throws: a request that
 * cannot be authenticated is `signed-out` with a `reason`.
 */
export async function authenticateRequest(
  request: RequestLike | Request,
  options: AuthenticateRequestOptions = {},
): Promise<RequestState> {
  const opts: AuthenticateRequestOptions = options ?? {};
  const shape = expectedShape(opts.acceptsToken);
  let token: string | null = null;
  let tokenType: TokenType | null = null;
  try {
    const headers = (request as { headers?: unknown } | null | undefined)?.headers;
    if (headers === null || typeof headers !== "object") {
      return signedOut("unexpected-error", "the request has no headers to read a token from", null, null, shape);
    }
    const found = findToken(headers);
    if (found === undefined) {
      return signedOut("session-token-missing", "no Authorization bearer token and no __session cookie", null, null, shape);
    }
    token = found.token;
    tokenType = found.source === "session-cookie" ? "session_token" : detectTokenType(found.token);
    if (!acceptsTokenType(opts.acceptsToken, tokenType)) {
      return signedOut("token-type-mismatch", `a ${tokenType} is not accepted here`, token, tokenType, tokenType);
    }
    if (isMachineTokenType(tokenType)) {
      const record = await verifyMachineToken(tokenType, token, opts);
      return record.ok
        ? signedInWithMachine(token, record.value)
        : rejected(record.error, token, tokenType);
    }
    const claims = await verifyToken(token, opts);
    return claims.ok ? signedInWithSession(token, claims.value) : rejected(claims.error, token, tokenType);
  } catch {
    return signedOut("unexpected-error", "authentication failed unexpectedly", token, tokenType, tokenType ?? shape);
  }
}

function rejected(error: TokenVerificationError, token: string, tokenType: TokenType): RequestState {
  return signedOut(error.reason, error.message, token, tokenType, tokenType);
}

/** The auth-object shape for a request without a token: machine only when that is all we accept. */
function expectedShape(accepts: AcceptsToken | undefined): TokenType {
  const only: unknown = Array.isArray(accepts) && accepts.length === 1 ? accepts[0] : accepts;
  return (ALL_TOKEN_TYPES as readonly unknown[]).includes(only) ? (only as TokenType) : "session_token";
}
