// clerk-fn/auth/local: session tokens verified with the instance's PEM public
// key (CLERK_JWT_KEY) and nothing else. No secret key, no JWKS, no machine
// tokens, no HTTP layer: none of it is reachable from here, so a bundle of
// this entry holds jose's RSA verification and our checks only. Reasons and
// results are those of clerk-fn/auth's functions given the same `jwtKey`.
import type { Result } from "../types/index.js";
import { authenticateWith, type RequestLike } from "./authenticateRequest.js";
import type { SessionClaims } from "./claims.js";
import { fail, type TokenVerificationError } from "./errors.js";
import type { VerifyTokenOptions } from "./options.js";
import type { RequestState } from "./requestState.js";
import { ok } from "../types/index.js";
import { pemKeyResolver, verifyTokenWith, type KeySource } from "./verifyToken.js";

/** The options of `clerk-fn/auth`'s `verifyToken` that need no network. */
export type LocalVerifyOptions = Pick<
  VerifyTokenOptions,
  "jwtKey" | "authorizedParties" | "audiences" | "clockSkewInMs"
>;

/**
 * Verifies a Clerk session token with `jwtKey` and returns its claims. Never
 * throws; without a `jwtKey` the reason is `secret-key-missing`.
 */
export function verifyToken(
  token: string,
  options: LocalVerifyOptions,
): Promise<Result<SessionClaims, TokenVerificationError>> {
  return verifyTokenWith(token, options, localKey);
}

/**
 * Authenticates a request by its session token (Authorization bearer, else the
 * `__session` cookie) with `jwtKey`. A machine token is `token-type-mismatch`,
 * as it is in clerk-fn/auth when only session tokens are accepted.
 */
export function authenticateRequest(
  request: RequestLike | Request,
  options: LocalVerifyOptions,
): Promise<RequestState> {
  const opts = options ?? {};
  return authenticateWith(request, { ...opts, acceptsToken: undefined }, { session: verifyToken });
}

const localKey: KeySource<LocalVerifyOptions> = async ({ jwtKey }) =>
  typeof jwtKey === "string" && jwtKey !== ""
    ? ok(pemKeyResolver(jwtKey))
    : fail("secret-key-missing", "set jwtKey: clerk-fn/auth/local verifies with the instance's PEM public key only");

export { TokenVerificationError } from "./errors.js";
export type { TokenVerificationReason } from "./errors.js";
export type { RequestLike } from "./authenticateRequest.js";
export type { RequestState, SignedInState, SignedOutState } from "./requestState.js";
export type { AuthObject, SessionAuth } from "./authObject.js";
export type { SessionClaims, OrganizationClaimV2 } from "./claims.js";
