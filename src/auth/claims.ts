/** v2 organisation claim (`o`) as Clerk puts it in a session token. */
export interface OrganizationClaimV2 {
  readonly id?: string;
  readonly slg?: string;
  readonly rol?: string;
  readonly per?: string;
  readonly fpm?: string;
  readonly [key: string]: unknown;
}

/** A verified session token's payload. Unknown claims are kept as they are. */
export interface SessionClaims {
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
