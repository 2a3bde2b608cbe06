import { isPlainObject } from "../lib/json.js";
import { ok, type Result } from "../types/index.js";
import { clerkApi } from "./clerkApiLoader.js";
import { fail, type TokenVerificationError } from "./errors.js";
import type { AuthenticateRequestOptions } from "./options.js";
import type { MachineTokenType } from "./tokenType.js";
import { decodeJwt, M2M_JWT_CATEGORY, verifySessionJwt } from "./sessionJwt.js";
import { clockSkew, sessionKeyResolver } from "./verifyToken.js";

/**
 * Whether a token is one of Clerk's M2M tokens in JWT format: its header says
 * so (`cat`), or its subject is a machine (`mch_…`). Read without trusting it:
 * the signature is checked later, as for any token.
 */
export function isM2MJwt(token: string): boolean {
  const decoded = decodeJwt(token);
  if (!decoded.ok) return false;
  const { header, payload } = decoded.value;
  return header.cat === M2M_JWT_CATEGORY || (typeof payload.sub === "string" && payload.sub.startsWith("mch_"));
}

/**
 * Verifies an M2M token in JWT format locally, as a session token is verified
 * (same key sources: `jwtKey`, `jwks`, or the instance's JWKS; same header,
 * signature and time checks), with no call to Clerk's verify endpoint.
 */
async function verifyM2MJwt(
  token: string,
  options: AuthenticateRequestOptions,
): Promise<Result<MachineRecord, TokenVerificationError>> {
  const resolver = await sessionKeyResolver(options);
  if (!resolver.ok) return resolver;
  const verified = await verifySessionJwt(
    token,
    resolver.value,
    { clockSkewInMs: clockSkew(options.clockSkewInMs) },
    M2M_JWT_CATEGORY,
  );
  if (!verified.ok) return verified;
  const { jti, sub, scopes, aud } = verified.value;
  const custom = Object.fromEntries(Object.entries(verified.value).filter(([name]) => !REGISTERED_CLAIMS.has(name)));
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
    claims: Object.keys(custom).length > 0 ? custom : null,
  });
}

/** Claims every M2M JWT carries; the rest are the token's custom claims. */
const REGISTERED_CLAIMS = /* @__PURE__ */ new Set(["iss", "sub", "exp", "nbf", "iat", "jti", "scopes", "aud"]);

/**
 * Verifies an opaque machine token with Clerk, authorised with the secret key,
 * else the machine secret key.
 */
export async function verifyMachineToken(
  tokenType: MachineTokenType,
  token: string,
  options: AuthenticateRequestOptions,
): Promise<Result<MachineRecord, TokenVerificationError>> {
  if (tokenType === "m2m_token" && token.split(".").length === 3) return verifyM2MJwt(token, options);
  const { resolveSecretKey, verifyMachineTokenRemotely } = await clerkApi();
  const secretKey = await resolveSecretKey(options);
  if (!secretKey.ok) return secretKey;
  const bearer = secretKey.value ?? nonEmpty(options.machineSecretKey);
  if (bearer === undefined) {
    return fail("secret-key-missing", "set secretKey or machineSecretKey to verify machine tokens");
  }
  return verifyMachineTokenRemotely(options, tokenType, token, bearer);
}

function nonEmpty(value: string | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * What Clerk's verify endpoints tell us about a valid machine token, reduced to
 * the fields every kind shares (plus `clientId` for OAuth and `name` for API keys).
 */
export interface MachineRecord {
  readonly tokenType: MachineTokenType;
  readonly id: string;
  readonly subject: string;
  readonly clientId: string | null;
  readonly name: string | null;
  readonly scopes: string[];
  readonly claims: Record<string, unknown> | null;
}

/**
 * A verify endpoint's 200 body as a MachineRecord. A body that says the token
 * is revoked, expired or inactive is treated as invalid, whatever the status.
 */
export function machineRecordFrom(
  tokenType: MachineTokenType,
  body: unknown,
): Result<MachineRecord, TokenVerificationError> {
  if (body === null || typeof body !== "object") {
    return fail("unexpected-error", `the ${tokenType} verify response is not an object`);
  }
  const data = body as Record<string, unknown>;
  if (data.active === false) return fail("machine-token-invalid", `the ${tokenType} is not active`);
  if (data.revoked === true) return fail("machine-token-invalid", `the ${tokenType} has been revoked`);
  if (data.expired === true) return fail("machine-token-invalid", `the ${tokenType} has expired`);
  const { id, subject } = data;
  if (typeof id !== "string" || typeof subject !== "string") {
    return fail("unexpected-error", `the ${tokenType} verify response has no id or subject`);
  }
  return ok({
    tokenType,
    id,
    subject,
    clientId: typeof data.client_id === "string" ? data.client_id : null,
    name: typeof data.name === "string" ? data.name : null,
    scopes: Array.isArray(data.scopes) ? data.scopes.filter((s): s is string => typeof s === "string") : [],
    claims: isPlainObject(data.claims) ? data.claims : null,
  });
}
