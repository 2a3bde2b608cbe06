// checkAuthorization against @clerk/backend's own has() (3.25.0, a dev
// dependency), case by case over a table of claims and checks: v1 and v2
// organisation claims, with and without an organisation, features, plans and
// reverification ages. Our auth object comes from our claim decoding, theirs
// from theirs, so the organisation decoding is compared too.
import { signedInAuthObject } from "@clerk/backend/internal";
import { describe, expect, it } from "vitest";
import { checkAuthorization, type AuthorizationCheck } from "../../../src/auth/index.js";
import { sessionAuth, signedOutAuth } from "../../../src/auth/authObject.js";
import type { SessionClaims } from "../../../src/auth/claims.js";

const base = {
  sub: "user_1",
  sid: "sess_1",
  exp: 2_000_000_000,
  iat: 1_700_000_000,
  iss: "https://clerk.example.test",
};

const claimsTable: Record<string, Record<string, unknown>> = {
  "v1, no org": { ...base },
  "v1, org admin": {
    ...base,
    org_id: "org_1",
    org_slug: "acme",
    org_role: "org:admin",
    org_permissions: ["org:sys_memberships:manage", "org:billing:read"],
  },
  "v1, org member without permissions": { ...base, org_id: "org_1", org_role: "org:member" },
  "v1, role without org": { ...base, org_role: "org:admin", org_permissions: ["org:billing:read"] },
  "v2, no org": { ...base, v: 2, fea: "u:dashboard,u:export", pla: "u:free" },
  "v2, org with permissions": {
    ...base,
    v: 2,
    o: { id: "org_2", slg: "beta", rol: "admin", per: "read,manage,delete", fpm: "3,4" },
    fea: "o:billing,o:members,u:dashboard",
    pla: "o:pro,u:free",
  },
  "v2, org, shared features (ou/uo)": {
    ...base,
    v: 2,
    o: { id: "org_3", rol: "member", per: "read", fpm: "1,1" },
    fea: "ou:reports,uo:analytics",
    pla: "ou:team",
  },
  "v2, malformed features": {
    ...base,
    v: 2,
    o: { id: "org_4", rol: "admin", per: "read", fpm: "1" },
    fea: "billing,o:members",
    pla: "pro",
  },
  "v2, empty feature names": { ...base, v: 2, fea: "ou:,u:x", pla: "u:" },
  "v1, malformed fea, well-formed pla": { ...base, fea: "billing", pla: "u:pro" },
  "v2, org, malformed fea, well-formed pla": {
    ...base,
    v: 2,
    o: { id: "org_5", rol: "admin", per: "read", fpm: "1" },
    fea: "billing",
    pla: "o:pro",
  },
  "fva fresh both": { ...base, fva: [2, 3] },
  "fva first only": { ...base, fva: [5, -1] },
  "fva second only": { ...base, fva: [-1, 5] },
  "fva stale": { ...base, fva: [100, 2000] },
  "fva never": { ...base, fva: [-1, -1] },
  "fva malformed": { ...base, fva: [1, "2"] },
  "fva 30/70 with org": {
    ...base,
    fva: [30, 70],
    org_id: "org_1",
    org_role: "org:admin",
    org_permissions: ["org:billing:read"],
    fea: "o:billing",
    pla: "o:pro",
  },
};

const checks: AuthorizationCheck[] = [
  {},
  { role: "org:admin" },
  { role: "admin" },
  { role: "org:org:admin" },
  { role: "org:member" },
  { role: "" },
  { permission: "org:sys_memberships:manage" },
  { permission: "sys_memberships:manage" },
  { permission: "org:billing:read" },
  { permission: "org:billing:manage" },
  { permission: "org:members:read" },
  { permission: "org:members:delete" },
  { permission: "org:reports:read" },
  { permission: "org:analytics:read" },
  { role: "org:admin", permission: "org:billing:read" },
  { role: "org:member", permission: "org:billing:read" },
  { feature: "billing" },
  { feature: "o:billing" },
  { feature: "org:billing" },
  { feature: "organization:billing" },
  { feature: "u:billing" },
  { feature: "dashboard" },
  { feature: "user:dashboard" },
  { feature: "o:dashboard" },
  { feature: "reports" },
  { feature: "u:analytics" },
  { feature: "members" },
  { feature: "x:billing" },
  { feature: "u:" },
  { feature: "o:" },
  { feature: ":" },
  { plan: "u:" },
  { plan: "pro" },
  { plan: "o:pro" },
  { plan: "u:pro" },
  { plan: "free" },
  { plan: "user:free" },
  { plan: "team" },
  { feature: "billing", plan: "pro" },
  { feature: "billing", plan: "free" },
  { role: "org:admin", feature: "billing" },
  { reverification: "strict" },
  { reverification: "strict_mfa" },
  { reverification: "moderate" },
  { reverification: "lax" },
  { reverification: { level: "first_factor", afterMinutes: 10 } },
  { reverification: { level: "second_factor", afterMinutes: 60 } },
  { reverification: { level: "multi_factor", afterMinutes: 120 } },
  { reverification: { level: "multi_factor", afterMinutes: 0 } },
  { reverification: { level: "bogus" as never, afterMinutes: 10 } },
  { reverification: "bogus" as never },
  { role: "org:admin", reverification: "lax" },
  { permission: "org:billing:read", plan: "pro", reverification: { level: "first_factor", afterMinutes: 31 } },
];

describe("checkAuthorization answers as @clerk/backend's has()", () => {
  it(`for ${Object.keys(claimsTable).length} claim sets x ${checks.length} checks`, () => {
    let compared = 0;
    let granted = 0;
    for (const [name, claims] of Object.entries(claimsTable)) {
      let theirs: { has(check: unknown): boolean } | undefined;
      try {
        theirs = signedInAuthObject({}, "token", claims as never);
      } catch {
        // @clerk/backend throws building the auth object from a malformed `fea`
        // ("billing" has no scope). We keep the session and its role, and every
        // feature or plan check on such claims fails closed.
        theirs = undefined;
      }
      const ours = sessionAuth(claims as unknown as SessionClaims);
      for (const check of checks) {
        if (!theirs && check.feature === undefined && check.plan === undefined) continue;
        const expected = theirs ? theirs.has(check) : false;
        expect(checkAuthorization(ours, check), `${name}: ${JSON.stringify(check)}`).toBe(expected);
        compared++;
        if (expected) granted++;
      }
    }
    // The table must exercise both answers, not just "no".
    expect(granted).toBeGreaterThan(50);
    expect(compared - granted).toBeGreaterThan(50);
  });

  it("is false when signed out, for machine tokens, and for input that is not a check", () => {
    expect(checkAuthorization(signedOutAuth("session_token"), { role: "org:admin" })).toBe(false);
    expect(checkAuthorization(signedOutAuth("api_key"), { permission: "org:x:y" })).toBe(false);
    expect(checkAuthorization(null, { role: "org:admin" })).toBe(false);
    const admin = sessionAuth(claimsTable["v1, org admin"] as unknown as SessionClaims);
    expect(checkAuthorization(admin, { role: "org:admin" })).toBe(true);
    expect(checkAuthorization(admin, null as never)).toBe(false);
    expect(checkAuthorization(admin, { role: 5 as never })).toBe(false);
  });
});

describe("decodeJwt", () => {
  it("reads header and payload without verifying, and rejects what is not a JWT", async () => {
    const { decodeJwt } = await import("../../../src/auth/index.js");
    const b64 = (value: unknown) =>
      btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    const token = `${b64({ alg: "RS256", kid: "k1" })}.${b64({ sub: "user_1", exp: 1 })}.not-a-signature`;
    expect(decodeJwt(token).value).toEqual({ header: { alg: "RS256", kid: "k1" }, payload: { sub: "user_1", exp: 1 } });
    for (const bad of [
      "",
      "a.b",
      `${b64([1])}.${b64({})}.x`,
      `${b64({})}.bm90IGpzb24.x`,
      `${b64({})}.${b64({})}.x.y`,
      42 as never,
    ]) {
      expect(decodeJwt(bad).error?.reason).toBe("token-invalid");
    }
  });
});
