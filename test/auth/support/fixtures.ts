import type { Reply } from "./clerk-server.js";
import type { TestKey } from "./keys.js";

/** A JWKS response body serving these keys' public halves. */
export function jwksReply(...keys: TestKey[]): Reply {
  return { status: 200, body: { keys: keys.map((k) => k.jwk) } };
}

/** Hex digits, as Clerk's ids use. */
export function hex32(seed: number): string {
  return seed.toString(16).padStart(32, "0");
}

export const MACHINE_ID = "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
export const USER_ID = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
export const ORG_ID = "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

const times = { created_at: 1716883200000, updated_at: 1716883200000 };

export function m2mVerified(id: string, overrides: Record<string, unknown> = {}): unknown {
  return {
    object: "machine_to_machine_token",
    id,
    subject: MACHINE_ID,
    claims: { tier: "gold" },
    scopes: ["mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em"],
    revoked: false,
    revocation_reason: null,
    expired: false,
    expiration: null,
    last_used_at: null,
    ...times,
    ...overrides,
  };
}

export function apiKeyVerified(id: string, overrides: Record<string, unknown> = {}): unknown {
  return {
    object: "api_key",
    id,
    type: "api_key",
    subject: ORG_ID,
    name: "BILLING_SERVICE",
    description: null,
    claims: null,
    scopes: ["read", "write"],
    revoked: false,
    revocation_reason: null,
    expired: false,
    expiration: null,
    created_by: USER_ID,
    last_used_at: null,
    ...times,
    ...overrides,
  };
}

export function oauthVerified(id: string, overrides: Record<string, unknown> = {}): unknown {
  return {
    object: "clerk_idp_oauth_access_token",
    id,
    client_id: "client_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
    subject: USER_ID,
    scopes: ["profile", "email"],
    revoked: false,
    revocation_reason: null,
    expired: false,
    expiration: null,
    ...times,
    ...overrides,
  };
}

/** A secret key no other test uses, so the shared JWKS cache cannot leak between tests. */
let secrets = 0;
export function freshSecretKey(): string {
  return `sk_test_${Date.now().toString(36)}_${++secrets}_${Math.random().toString(36).slice(2)}`;
}
