import { ok, type Result } from "../types/index.js";
import type { SessionClaims } from "./claims.js";
import { clerkApi } from "./clerkApiLoader.js";
import { fail, type TokenVerificationError } from "./errors.js";
import { jwksKeyResolver, preloadedKeyResolver } from "./jwks.js";
import { jwksCacheKey } from "./jwksCache.js";
import { DEFAULT_CLOCK_SKEW_MS, type VerifyTokenOptions } from "./options.js";
import { loadPemKey } from "./pemKey.js";
import { verifySessionJwt, type KeyResolver } from "./sessionJwt.js";

/**
 * Verifies a Clerk session token (a JWT) and returns its claims. Uses `jwtKey`
 * when given (no network), else the instance's JWKS. Never throws.
 */
export function verifyToken(
  token: string,
  options: VerifyTokenOptions,
): Promise<Result<SessionClaims, TokenVerificationError>> {
  return verifyTokenWith(token, options, sessionKeyResolver);
}

/** Where a verifier finds its key: the PEM only (auth/local), or PEM else JWKS. */
export type KeySource<O> = (options: O) => Promise<Result<KeyResolver, TokenVerificationError>>;

/** The steps every session-token verifier shares, whatever its key source. */
export async function verifyTokenWith<O extends SessionRuleOptions>(
  token: string,
  options: O,
  keySource: KeySource<O>,
): Promise<Result<SessionClaims, TokenVerificationError>> {
  try {
    if (typeof token !== "string" || token === "") {
      return fail("session-token-missing", "no token was given");
    }
    const opts = options ?? ({} as O);
    const resolver = await keySource(opts);
    if (!resolver.ok) return resolver;
    return await verifySessionJwt(token, resolver.value, {
      authorizedParties: opts.authorizedParties,
      audiences: opts.audiences,
      clockSkewInMs: clockSkew(opts.clockSkewInMs),
    });
  } catch (cause) {
    return fail("unexpected-error", "token verification failed unexpectedly", cause);
  }
}

/** The options that shape the claim checks, shared by both entries. */
export type SessionRuleOptions = Pick<VerifyTokenOptions, "authorizedParties" | "audiences" | "clockSkewInMs">;

/** The `jwtKey` PEM as a key source (no network). */
export function pemKeyResolver(jwtKey: string): KeyResolver {
  return (header) => loadPemKey(jwtKey, header.alg);
}

/**
 * Where session-token keys come from: the `jwtKey` PEM (no network), else a
 * `jwks` passed in (no network), else the instance's JWKS fetched with the
 * secret key (through memory and the optional shared store).
 */
export async function sessionKeyResolver(
  options: VerifyTokenOptions,
): Promise<Result<KeyResolver, TokenVerificationError>> {
  const { jwtKey } = options;
  if (typeof jwtKey === "string" && jwtKey !== "") return ok(pemKeyResolver(jwtKey));
  if (options.jwks !== undefined && options.jwks !== null) return ok(preloadedKeyResolver(options.jwks));
  const { apiScope, loadJwks, resolveSecretKey } = await clerkApi();
  const resolved = await resolveSecretKey(options);
  if (!resolved.ok) return resolved;
  const secretKey = resolved.value;
  if (secretKey === undefined) {
    return fail("secret-key-missing", "set secretKey (to fetch the JWKS) or jwtKey (to verify without network)");
  }
  const scope = apiScope(options);
  const cacheKey = await jwksCacheKey(scope.serverUrl, scope.apiVersion, secretKey);
  return ok(
    jwksKeyResolver({
      cacheKey,
      load: () => loadJwks(options, secretKey),
      store: options.jwksStore,
      skipCache: options.skipJwksCache === true,
    }),
  );
}

export function clockSkew(value: number | undefined): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : DEFAULT_CLOCK_SKEW_MS;
}
