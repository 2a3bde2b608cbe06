import type { AcceptsToken } from "./tokenType.js";
import type { ClerkApiSettings } from "./clerkApi.js";
import type { JwksStore } from "./jwksStore.js";

/** Options for `verifyToken` (session JWTs). */
export interface VerifyTokenOptions extends ClerkApiSettings {
  /** Secret key (`sk_...`): fetches the instance's JWKS when `jwtKey` is not set. */
  readonly secretKey?: string | undefined;
  /**
   * The instance's PEM public key (armored, or the bare base64 body), for
   * networkless verification. When set, no request is made for session tokens.
   */
  readonly jwtKey?: string | undefined;
  /** Allowed `azp` (origin) values; when set, tokens without `azp` are rejected. */
  readonly authorizedParties?: readonly string[] | undefined;
  /** When set, the token's `aud` must name one of these. */
  readonly audiences?: string | readonly string[] | undefined;
  /** Tolerated clock difference for exp/nbf/iat. Default 5000 ms. */
  readonly clockSkewInMs?: number | undefined;
  /** Fetch the JWKS even when cached keys are fresh. */
  readonly skipJwksCache?: boolean | undefined;
  /**
   * The instance's JWKS (`{ keys: [...] }`, as `GET /jwks` returns it), loaded at
   * build or deploy time. When set (and `jwtKey` is not), session tokens are
   * verified against it with no secret key and no network call.
   */
  readonly jwks?: unknown;
  /**
   * A cache shared beyond this isolate for the fetched JWKS, e.g.
   * `cacheApiJwksStore()` (Workers' `caches.default`). Default: memory only.
   */
  readonly jwksStore?: JwksStore | undefined;
}

/** Options for `authenticateRequest`: session JWT options plus machine tokens. */
export interface AuthenticateRequestOptions extends VerifyTokenOptions {
  /** Key used for machine-token verification when `secretKey` is not set. */
  readonly machineSecretKey?: string | undefined;
  /** Which token kinds to accept. Default `"session_token"`. */
  readonly acceptsToken?: AcceptsToken | undefined;
}

export const DEFAULT_CLOCK_SKEW_MS = 5000;
