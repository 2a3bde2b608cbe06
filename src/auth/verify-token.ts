import { err, type Result } from "../types/index.js";
import type { SessionClaims } from "./claims.js";
import { sessionKeyResolver } from "./key-resolver.js";
import { DEFAULT_CLOCK_SKEW_MS, type VerifyTokenOptions } from "./options.js";
import { fail, type TokenVerificationError } from "./reasons.js";
import { verifySessionJwt } from "./session-jwt.js";

/**
 * Verifies a Clerk session token (a JWT) and returns its claims. Uses `jwtKey`
 * when given (no network), else the instance's JWKS. Never throws.
 */
export async function verifyToken(
  token: string,
  options: VerifyTokenOptions,
): Promise<Result<SessionClaims, TokenVerificationError>> {
  try {
    if (typeof token !== "string" || token === "") {
      return err(fail("session-token-missing", "no token was given"));
    }
    const opts: VerifyTokenOptions = options ?? {};
    const resolver = await sessionKeyResolver(opts);
    if (!resolver.ok) return resolver;
    return await verifySessionJwt(token, resolver.value, {
      authorizedParties: opts.authorizedParties,
      audiences: opts.audiences,
      clockSkewInMs: clockSkew(opts.clockSkewInMs),
    });
  } catch (cause) {
    return err(fail("unexpected-error", "token verification failed unexpectedly", cause));
  }
}

function clockSkew(value: number | undefined): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : DEFAULT_CLOCK_SKEW_MS;
}
