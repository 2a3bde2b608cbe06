import type { HeaderRecord } from "../lib/headers.js";
import type { Result } from "../types/index.js";
import type { SessionClaims } from "./claims.js";
import type { TokenVerificationError } from "./errors.js";
import { verifyMachineToken } from "./machineToken.js";
import type { AuthenticateRequestOptions } from "./options.js";
import { signedInWithMachine, signedInWithSession, signedOut, type RequestState } from "./requestState.js";
import { findToken } from "./tokenSource.js";
import { tokenKind } from "./tokenKind.js";
import {
  acceptsTokenType,
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
}

/**
 * The request side every entry shares: find the token, tell its kind, check
 * the kind against `acceptsToken` (before any key lookup), verify it. The
 * decisions, and the `tokenType` a signed-out state reports, follow
 * @clerk/backend's authenticateRequest (test/auth/parity checks them case by case):
 * a refused kind reports the kind the route accepts (null when it accepts a
 * list that excludes the token's kind), a failed verification the kind verified.
 */
export async function authenticateWith<O extends { readonly acceptsToken?: AcceptsToken | undefined }>(
  request: RequestLike | Request,
  opts: O,
  verifiers: Verifiers<O>,
): Promise<RequestState> {
  const accepts = verifiers.machine ? (opts.acceptsToken ?? "session_token") : "session_token";
  // A route that accepts one kind names it; "any" and lists name the session kind.
  const routeType: TokenType =
    typeof accepts === "string" && accepts !== "any" ? (accepts as TokenType) : "session_token";
  let token: string | null = null;
  let tokenType: TokenType | null = routeType;
  try {
    const headers = (request as { headers?: unknown } | null | undefined)?.headers;
    if (headers === null || typeof headers !== "object") {
      return signedOut("unexpected-error", "the request has no headers to read a token from", null, routeType);
    }
    const found = findToken(headers);
    // The cookie carries session tokens only: a route that takes none does not read it.
    const sent = found?.source === "session-cookie" && !acceptsTokenType(accepts, "session_token") ? undefined : found;
    const kind = sent ? tokenKind(sent.token, sent.source === "authorization-header") : undefined;
    if (
      Array.isArray(accepts) &&
      !acceptsTokenType(accepts, kind === undefined || kind === "other-jwt" ? "session_token" : kind)
    ) {
      return signedOut("token-type-mismatch", "this kind of token is not accepted here", sent?.token ?? null, null);
    }
    if (sent === undefined || kind === undefined) {
      const missing = found ? "no Authorization bearer token" : "no Authorization bearer token and no __session cookie";
      return signedOut("session-token-missing", missing, null, routeType);
    }
    token = sent.token;
    if (kind === "other-jwt" || !acceptsTokenType(accepts, kind)) {
      const what = kind === "other-jwt" ? "a JWT that is not a session token" : `a ${kind}`;
      return signedOut("token-type-mismatch", `${what} is not accepted here`, token, routeType);
    }
    tokenType = kind;
    if (isMachineTokenType(kind)) return await verifiers.machine!(kind, token, opts);
    const claims = await verifiers.session(token, opts);
    return claims.ok ? signedInWithSession(token, claims.value) : rejected(claims.error, token, kind);
  } catch {
    return signedOut("unexpected-error", "authentication failed unexpectedly", token, tokenType);
  }
}

function rejected(error: TokenVerificationError, token: string, tokenType: TokenType): RequestState {
  return signedOut(error.reason, error.message, token, tokenType);
}
