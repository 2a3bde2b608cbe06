import { ClerkFnError } from "../errors/clerkFnError.js";
import { err, type Result } from "../types/index.js";

/**
 * Why a request is signed out or a token was rejected. These strings are
 * stable: callers switch on them and the README documents each one.
 */
export const TOKEN_VERIFICATION_REASONS = [
  "session-token-missing",
  "token-type-mismatch",
  "secret-key-missing",
  "token-invalid",
  "token-invalid-algorithm",
  "token-invalid-signature",
  "token-expired",
  "token-not-active-yet",
  "token-iat-in-the-future",
  "token-invalid-authorized-parties",
  "token-invalid-audience",
  "jwk-kid-mismatch",
  "jwk-remote-failed-to-load",
  "jwk-remote-invalid",
  "jwk-local-invalid",
  "secret-key-invalid",
  "machine-token-invalid",
  "unexpected-error",
] as const;

export type TokenVerificationReason = (typeof TOKEN_VERIFICATION_REASONS)[number];

/**
 * A token or request that could not be authenticated, with a stable `reason`.
 * One of the package's errors: the same base and the same safe `toJSON`.
 */
export class TokenVerificationError extends ClerkFnError {
  override readonly name = "TokenVerificationError";
  readonly reason: TokenVerificationReason;

  constructor(reason: TokenVerificationReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/** Shorthand used by every check: the failed Result, with its error. */
export function fail(
  reason: TokenVerificationReason,
  message: string,
  cause?: unknown,
): Result<never, TokenVerificationError> {
  return err(new TokenVerificationError(reason, message, cause === undefined ? undefined : { cause }));
}
