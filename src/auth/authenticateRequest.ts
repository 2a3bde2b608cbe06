import type { HeaderRecord } from "../lib/headers.js";
import type { Result } from "../types/index.js";
import type { SessionClaims } from "./claims.js";
import type { TokenVerificationError } from "./errors.js";
import { isM2MJwt, verifyMachineToken } from "./machineToken.js";
import type { AuthenticateRequestOptions } from "./options.js";
import { signedInWithMachine, signedInWithSession, signedOut, type RequestState } from "./requestState.js";
import { findToken } from "./tokenSource.js";
import {
  ALL_TOKEN_TYPES,
  acceptsTokenType,
  detectTokenType,
  isMachineTokenType,
  type AcceptsToken,
  type MachineTokenType,
  type TokenType,
} from "./tokenType.js";
import { verifyToken } from "./verifyToken.js";

/** What `authenticateRequest` accepts: a Fetch `Request` or anything with `headers`. */
export interface RequestLike {
  readonly headers: Headers | HeaderRecord;
}

/**
 * Authenticates an incoming request by its session token (Authorization bearer,
 * else the `__session` cookie) or machine token (Authorization only). Works with
 * a Fetch `Request` or a Node/Express request. Never throws: a request that
 * cannot be authenticated is `signed-out` with a `reason`.
 */
export function authenticateRequest(
  request: RequestLike | Request,
  options: AuthenticateRequestOptions = {},
): Promise<RequestState> {
  return authenticateWith(request, options ?? {}, {
    session: verifyToken,
    machine: machineState,
    // An M2M token may come as a JWT; it counts as one only where M2M tokens are
    // accepted, so elsewhere it is refused as a session token exactly as before.
    isM2MJwt: (token, opts) => acceptsTokenType(opts.acceptsToken, "m2m_token") && isM2MJwt(token),
  });
}

async function machineState(
  tokenType: MachineTokenType,
  token: string,
  options: AuthenticateRequestOptions,
): Promise<RequestState> {
  const record = await verifyMachineToken(tokenType, token, options);
  return record.ok ? signedInWithMachine(token, record.value) : rejected(record.error, token, tokenType);
}

/** How a request's token is checked; `machine` is absent where only session tokens can be verified. */
export interface Verifiers<O> {
  readonly session: (token: string, options: O) => Promise<Result<SessionClaims, TokenVerificationError>>;
  readonly machine?: (tokenType: MachineTokenType, token: string, options: O) => Promise<RequestState>;
  /** Tells an accepted M2M token in JWT format from a session JWT (absent: every JWT is a session token). */
  readonly isM2MJwt?: (token: string, options: O) => boolean;
}

/** The request side every entry shares: find the token, check its kind, verify it. */
export async function authenticateWith<O extends { readonly acceptsToken?: AcceptsToken | undefined }>(
  request: RequestLike | Request,
  opts: O,
  verifiers: Verifiers<O>,
): Promise<RequestState> {
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
      return signedOut(
        "session-token-missing",
        "no Authorization bearer token and no __session cookie",
        null,
        null,
        shape,
      );
    }
    token = found.token;
    tokenType = found.source === "session-cookie" ? "session_token" : detectTokenType(found.token);
    if (tokenType === "session_token" && found.source === "authorization-header" && verifiers.isM2MJwt?.(token, opts)) {
      tokenType = "m2m_token";
    }
    if (!acceptsTokenType(opts.acceptsToken, tokenType) || (isMachineTokenType(tokenType) && !verifiers.machine)) {
      return signedOut("token-type-mismatch", `a ${tokenType} is not accepted here`, token, tokenType, tokenType);
    }
    if (isMachineTokenType(tokenType)) {
      return await verifiers.machine!(tokenType, token, opts);
    }
    const claims = await verifiers.session(token, opts);
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
