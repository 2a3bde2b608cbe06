import { base64url, compactVerify } from "jose";
import { isPlainObject } from "../lib/json.js";
import { ok, type Result } from "../types/index.js";
import { checkSessionClaims, type ClaimRules, type SessionClaims } from "./claims.js";
import { fail, type TokenVerificationError } from "./errors.js";

/** Clerk signs session tokens with RSA; every other algorithm is refused. */
const SESSION_ALGORITHMS = ["RS256", "RS384", "RS512"] as const;

export type SessionAlgorithm = (typeof SESSION_ALGORITHMS)[number];

/** The `cat` header value of Clerk's M2M tokens in JWT format. */
export const M2M_JWT_CATEGORY = "cl_B7d4PD333AAA";

/** Clerk's `cat` header values for JWTs that are not session tokens. */
const FOREIGN_CATEGORIES: Readonly<Record<string, string>> = {
  [M2M_JWT_CATEGORY]: "an M2M token",
  cl_B7d4PD222AAA: "a JWT-template token",
};

export interface SessionHeader {
  readonly alg: SessionAlgorithm;
  readonly kid: string | undefined;
}

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
  category?: string,
  types?: readonly string[],
): Promise<Result<SessionClaims, TokenVerificationError>> {
  const header = checkSessionHeader(token, category, types);
  if (!header.ok) return header;
  const key = await resolveKey(header.value);
  if (!key.ok) return key;

  let payload: Record<string, unknown> | undefined;
  try {
    const verified = await compactVerify(token, key.value, { algorithms: [header.value.alg] });
    payload = jsonObject(verified.payload);
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    if (code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED") {
      return fail("token-invalid-signature", "token signature is invalid", cause);
    }
    return fail("token-invalid", "token could not be verified", cause);
  }

  if (payload === undefined) return fail("token-invalid", "token payload is not a JSON object");
  return checkSessionClaims(payload, rules, Date.now());
}

/**
 * Checks everything the header alone can tell, before any key is looked up:
 * the token is a JWS, signed with RS256/384/512, typed `JWT` (or untyped), and
 * (or one of `types`, for an OAuth access token), and not one of Clerk's other
 * JWT categories (except `category`, for a machine
 * token in JWT format).
 */
function checkSessionHeader(
  token: string,
  category?: string,
  types?: readonly string[],
): Result<SessionHeader, TokenVerificationError> {
  const segments = token.split(".");
  const header = decodeSegment(segments[0]);
  if (header === undefined) return fail("token-invalid", "token is not a well-formed JWT");
  if (segments.length !== 3) {
    return fail("token-invalid", "token is not a compact JWS (three segments)");
  }
  const { alg, typ, cat, kid } = header;
  if (!(SESSION_ALGORITHMS as readonly unknown[]).includes(alg)) {
    return fail(
      "token-invalid-algorithm",
      `token algorithm ${describe(alg)} is not allowed; expected RS256, RS384 or RS512`,
    );
  }
  if (
    types
      ? !types.includes(typ as string)
      : typ !== undefined && (typeof typ !== "string" || typ.toUpperCase() !== "JWT")
  ) {
    return fail("token-invalid", `token header typ ${describe(typ)} is not JWT`);
  }
  if (typeof cat === "string" && cat !== category && Object.hasOwn(FOREIGN_CATEGORIES, cat)) {
    return fail("token-invalid", `token is ${FOREIGN_CATEGORIES[cat]}, not a session token`);
  }
  if (kid !== undefined && typeof kid !== "string") {
    return fail("token-invalid", "token header kid is not a string");
  }
  return ok({ alg: alg as SessionAlgorithm, kid });
}

/** A JWT segment's JSON object, or undefined when it is not base64url JSON of an object. */
function decodeSegment(segment: string | undefined): Record<string, unknown> | undefined {
  try {
    return jsonObject(base64url.decode(segment ?? ""));
  } catch {
    return undefined; // not base64url
  }
}

/** UTF-8 JSON of an object, or undefined when the bytes are anything else. */
function jsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value.slice(0, 32)) : String(typeof value);
}

/** Whether an imported RSA key's modulus has at least 2048 bits. */
export function hasStrongModulus(key: CryptoKey): boolean {
  const bits = (key.algorithm as { modulusLength?: unknown }).modulusLength;
  return typeof bits === "number" && bits >= 2048;
}

/** WebCrypto's name for RS256/384/512: RSASSA-PKCS1-v1_5 with SHA-256/384/512. */
export function rsaVerifyParams(alg: SessionAlgorithm): RsaHashedImportParams {
  return { name: "RSASSA-PKCS1-v1_5", hash: `SHA-${alg.slice(2)}` };
}

/** A JWT's parts as decoded, not verified. */
export interface DecodedJwt {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
}

/**
 * Reads a JWT's header and payload **without verifying anything**: no
 * signature, no expiry. For routing and logging only; never trust what it
 * returns. `token-invalid` when it is not a three-part JWT of JSON objects.
 */
export function decodeJwt(token: string): Result<DecodedJwt, TokenVerificationError> {
  const parts = typeof token === "string" ? token.split(".") : [];
  const header = parts.length === 3 ? decodeSegment(parts[0]) : undefined;
  const payload = header ? decodeSegment(parts[1]) : undefined;
  return header && payload
    ? ok({ header, payload })
    : fail("token-invalid", "token is not a JWT with a JSON header and payload");
}
