import { err, ok, type Result } from "../types/index.js";
import { clerkApi } from "./clerk-api-lazy.js";
import { jwksCacheKey } from "./jwks-cache.js";
import { jwksKeyResolver } from "./jwks-resolver.js";
import type { VerifyTokenOptions } from "./options.js";
import { loadPemKey } from "./pem-key.js";
import { fail, type TokenVerificationError } from "./reasons.js";
import type { KeyResolver } from "./session-jwt.js";

/**
 * Where session-token keys come from: the `jwtKey` PEM (no network), else the
 * instance's JWKS fetched with the secret key.
 */
export async function sessionKeyResolver(
  options: VerifyTokenOptions,
): Promise<Result<KeyResolver, TokenVerificationError>> {
  const { jwtKey } = options;
  if (typeof jwtKey === "string" && jwtKey !== "") {
    return ok((header) => loadPemKey(jwtKey, header.alg));
  }
  const { apiScope, loadJwks, resolveSecretKey } = await clerkApi();
  const secretKey = await resolveSecretKey(options);
  if (secretKey === undefined) {
    return err(fail("secret-key-missing", "set secretKey (to fetch the JWKS) or jwtKey (to verify without network)"));
  }
  const scope = apiScope(options);
  const cacheKey = await jwksCacheKey(scope.serverUrl, scope.apiVersion, secretKey);
  return ok(jwksKeyResolver(cacheKey, () => loadJwks(options, secretKey), options.skipJwksCache === true));
}
