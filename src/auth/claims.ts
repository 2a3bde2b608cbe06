import type { CustomClaims } from "../types/clerk-globals.js";
import { ok, type Result } from "../types/index.js";
import { fail, type TokenVerificationError } from "./errors.js";

/** v2 organisation claim (`o`) as Clerk puts it in a session token. */
export interface OrganizationClaimV2 {
  readonly id?: string;
  readonly slg?: string;
  readonly rol?: string;
  readonly per?: string;
  readonly fpm?: string;
  readonly [key: string]: unknown;
}

/** A verified session token's payload: the claims below, typed further by the app's `CustomJwtSessionClaims`. */
export type SessionClaims = SessionTokenClaims & CustomClaims;

/** The claims of a Clerk session token. Unknown claims are kept as they are. */
export interface SessionTokenClaims {
  readonly sub: string;
  readonly exp: number;
  readonly iat?: number;
  readonly nbf?: number;
  readonly iss?: string;
  readonly sid?: string;
  readonly azp?: string;
  readonly aud?: string | readonly string[];
  /** Session token version; 2 carries organisation data in `o` and `fea`. */
  readonly v?: number;
  readonly o?: OrganizationClaimV2;
  readonly fea?: string;
  /** Minutes since the first and second factor were last verified. */
  readonly fva?: readonly [number, number];
  readonly org_id?: string;
  readonly org_slug?: string;
  readonly org_role?: string;
  readonly org_permissions?: readonly string[];
  readonly [claim: string]: unknown;
}

export interface ClaimRules {
  /** Allowed `azp` values; when set, a token without `azp` is rejected too. */
  readonly authorizedParties?: readonly string[] | undefined;
  /** When set, `aud` must name at least one of these. */
  readonly audiences?: string | readonly string[] | undefined;
  /** Tolerated clock difference for exp/nbf/iat, in milliseconds. */
  readonly clockSkewInMs: number;
}

/**
 * Checks a signature-verified payload: times first (with the skew), then
 * subject, authorised party and audience.
 */
export function checkSessionClaims(
  payload: Record<string, unknown>,
  rules: ClaimRules,
  nowMs: number,
): Result<SessionClaims, TokenVerificationError> {
  const { exp, nbf, iat, sub, azp, aud } = payload;
  const skew = Math.max(0, rules.clockSkewInMs);

  if (typeof exp !== "number" || !Number.isFinite(exp)) {
    return fail("token-invalid", "token has no numeric exp claim");
  }
  if (exp * 1000 <= nowMs - skew) {
    return fail("token-expired", "token has expired");
  }
  if (nbf !== undefined) {
    if (typeof nbf !== "number" || !Number.isFinite(nbf)) {
      return fail("token-invalid", "token nbf claim is not a number");
    }
    if (nbf * 1000 > nowMs + skew) return fail("token-not-active-yet", "token is not active yet (nbf)");
  }
  if (iat !== undefined) {
    if (typeof iat !== "number" || !Number.isFinite(iat)) {
      return fail("token-invalid", "token iat claim is not a number");
    }
    if (iat * 1000 > nowMs + skew) return fail("token-iat-in-the-future", "token was issued in the future (iat)");
  }
  if (typeof sub !== "string" || sub.length === 0) {
    return fail("token-invalid", "token sub claim is missing or not a string");
  }
  const parties = asList(rules.authorizedParties);
  if (parties && !(typeof azp === "string" && parties.includes(azp))) {
    return fail(
      "token-invalid-authorized-parties",
      typeof azp === "string"
        ? "token azp is not one of the authorized parties"
        : "token has no azp claim but authorizedParties is set",
    );
  }
  const wanted = audienceList(rules.audiences);
  const got: unknown[] = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
  if (wanted && !got.some((a) => typeof a === "string" && wanted.includes(a))) {
    return fail("token-invalid-audience", "token aud does not name an accepted audience");
  }
  return ok(payload as SessionClaims);
}

/**
 * `audiences` as a list, without empty strings: "" or [""] (an environment
 * variable that is unset) is no audience, as in @clerk/backend.
 */
function audienceList(value: unknown): readonly string[] | undefined {
  return asList(value === "" ? undefined : Array.isArray(value) ? value.filter((a) => a !== "") : value);
}

/**
 * A string or string array option as the list a claim must match (exact
 * matches only, never a substring test); undefined when the option is unset
 * or empty (no check). A value of any other type gives an empty list, which
 * nothing matches: fail closed.
 */
function asList(value: unknown): readonly string[] | undefined {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return undefined;
  if (typeof value === "string") return [value];
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : [];
}
