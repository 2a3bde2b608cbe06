import { ok, type Result } from "../types/index.js";
import { clerkApi } from "./clerkApiLoader.js";
import { fail, type TokenVerificationError } from "./errors.js";
import type { AuthenticateRequestOptions } from "./options.js";
import type { MachineTokenType } from "./tokenType.js";
import type { MachineRecord } from "./machineRecord.js";
import { decodeJwt, M2M_JWT_CATEGORY, verifySessionJwt } from "./sessionJwt.js";
import { OAUTH_JWT_TYPES } from "./tokenKind.js";
import { clockSkew, sessionKeyResolver } from "./verifyToken.js";

/**
 * Verifies an M2M token in JWT format (a JWT whose subject is a machine,
 * `mch_…`) locally, as a session token is verified (same key sources: `jwtKey`,
 * `jwks`, or the instance's JWKS; same header, signature, time and audience
 * checks), with no call to Clerk's verify endpoint. Its `cat` header, when
 * present, must be Clerk's M2M category: anything else is refused before any
 * key lookup.
 */
async function verifyM2MJwt(
  token: string,
  options: AuthenticateRequestOptions,
): Promise<Result<MachineRecord, TokenVerificationError>> {
  const cat = decodeJwt(token).value?.header.cat;
  if (cat !== undefined && cat !== M2M_JWT_CATEGORY) {
    return fail("token-invalid", "token has a machine subject but is not in Clerk's M2M token category");
  }
  const verified = await verifyWithSessionKeys(token, options, M2M_JWT_CATEGORY);
  if (!verified.ok) return verified;
  const { jti, sub, scopes, aud } = verified.value;
  // As @clerk/backend: every claim but the registered ones is the token's (scopes and aud included).
  const claims = Object.fromEntries(Object.entries(verified.value).filter(([name]) => !REGISTERED_CLAIMS.has(name)));
  return ok({
    tokenType: "m2m_token",
    id: typeof jti === "string" ? jti : "",
    subject: sub,
    clientId: null,
    name: null,
    scopes:
      typeof scopes === "string"
        ? scopes.split(" ").filter(Boolean)
        : Array.isArray(aud)
          ? aud.filter((a): a is string => typeof a === "string")
          : [],
    claims,
  });
}

/** Claims every M2M JWT carries; the rest are the token's claims. */
const REGISTERED_CLAIMS = /* @__PURE__ */ new Set(["iss", "sub", "exp", "nbf", "iat", "jti"]);

/**
 * Verifies an OAuth access token in JWT format (typed `at+jwt`) locally, with
 * the session-token key sources and checks; where `audiences` is set, its
 * `aud` must name one of them. The record is read from its claims as
 * @clerk/backend reads it: `jti`, `client_id`, and `scp` or `scope`.
 */
async function verifyOAuthJwt(
  token: string,
  options: AuthenticateRequestOptions,
): Promise<Result<MachineRecord, TokenVerificationError>> {
  const verified = await verifyWithSessionKeys(token, options, undefined, OAUTH_JWT_TYPES);
  if (!verified.ok) return verified;
  const { jti, sub, client_id, scp, scope } = verified.value;
  return ok({
    tokenType: "oauth_token",
    id: typeof jti === "string" ? jti : "",
    subject: sub,
    clientId: typeof client_id === "string" ? client_id : "",
    name: null,
    scopes: Array.isArray(scp)
      ? scp.filter((s): s is string => typeof s === "string")
      : typeof scope === "string"
        ? scope.split(" ").filter(Boolean)
        : [],
    claims: null,
  });
}

/**
 * Verifies a machine token: an M2M or OAuth JWT locally, an opaque one with Clerk. As in
 * @clerk/backend, M2M tokens are verified with the machine secret key when one
 * is set (else the secret key); API keys and OAuth tokens with the secret key.
 */
export async function verifyMachineToken(
  tokenType: MachineTokenType,
  token: string,
  options: AuthenticateRequestOptions,
): Promise<Result<MachineRecord, TokenVerificationError>> {
  if (token.split(".").length === 3) {
    if (tokenType === "m2m_token") return verifyM2MJwt(token, options);
    if (tokenType === "oauth_token") return verifyOAuthJwt(token, options);
  }
  const { resolveSecretKey, verifyMachineTokenRemotely } = await clerkApi();
  const machineKey = tokenType === "m2m_token" ? nonEmpty(options.machineSecretKey) : undefined;
  const secretKey = machineKey === undefined ? await resolveSecretKey(options) : ok(machineKey);
  if (!secretKey.ok) return secretKey;
  const bearer = secretKey.value;
  if (bearer === undefined) {
    return fail(
      "secret-key-missing",
      tokenType === "m2m_token"
        ? "set machineSecretKey or secretKey to verify M2M tokens"
        : `set secretKey to verify a ${tokenType}`,
    );
  }
  return verifyMachineTokenRemotely(options, tokenType, token, bearer);
}

function nonEmpty(value: string | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A machine JWT verified as a session token is: the same key sources, audiences and clock skew. */
async function verifyWithSessionKeys(
  token: string,
  options: AuthenticateRequestOptions,
  category?: string,
  types?: readonly string[],
): ReturnType<typeof verifySessionJwt> {
  const resolver = await sessionKeyResolver(options);
  if (!resolver.ok) return resolver;
  return verifySessionJwt(
    token,
    resolver.value,
    { audiences: options.audiences, clockSkewInMs: clockSkew(options.clockSkewInMs) },
    category,
    types,
  );
}
