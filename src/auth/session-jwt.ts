import { compactVerify } from "jose";
import { err, type Result } from "../types/index.js";
import { checkSessionClaims, type ClaimRules } from "./claim-checks.js";
import type { SessionClaims } from "./claims.js";
import { checkSessionHeader, type SessionHeader } from "./jwt-header.js";
import { fail, type TokenVerificationError } from "./reasons.js";

/** Finds the public key for a checked header (PEM or JWKS). */
export type KeyResolver = (header: SessionHeader) => Promise<Result<CryptoKey, TokenVerificationError>>;

/**
 * Verifies a session JWT in the order that leaks least: header, then key, then
 * signature, and only then the claims, so a forged token reports its signature
 * whatever else is wrong with it.
 */
export async function verifySessionJwt(
  token: string,
  resolveKey: KeyResolver,
  rules: ClaimRules,
): Promise<Result<SessionClaims, TokenVerificationError>> {
  const header = checkSessionHeader(token);
  if (!header.ok) return header;
  const key = await resolveKey(header.value);
  if (!key.ok) return key;

  let payloadBytes: Uint8Array;
  try {
    const verified = await compactVerify(token, key.value, { algorithms: [header.value.alg] });
    payloadBytes = verified.payload;
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    if (code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED") {
      return err(fail("token-invalid-signature", "token signature is invalid", cause));
    }
    return err(fail("token-invalid", "token could not be verified", cause));
  }

  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(payloadBytes));
  } catch (cause) {
    return err(fail("token-invalid", "token payload is not JSON", cause));
  }
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) {
    return err(fail("token-invalid", "token payload is not a JSON object"));
  }
  return checkSessionClaims(payload as Record<string, unknown>, rules, Date.now());
}
