import { beforeAll, describe, expect, it } from "vitest";
import { authenticateRequest, type SessionAuth } from "../../../src/auth/index.js";
import { decodeOrgPermissions, organizationFromClaims } from "../../../src/auth/organization.js";
import type { SessionClaims } from "../../../src/auth/claims.js";
import { makeKey, sessionClaims, signToken, type TestKey } from "../support/keys.js";

const base = { sub: "user_1", exp: 0 } as const;

describe("v2 organisation claims", () => {
  it("maps o.id, o.slg and o.rol and grants one permission per set bit", () => {
    const claims: SessionClaims = {
      ...base,
      v: 2,
      fea: "o:reports,u:profile,o:billing",
      o: { id: "org_1", slg: "acme", rol: "admin", per: "read,manage,delete", fpm: "5,2" },
    };
    expect(organizationFromClaims(claims)).toEqual({
      orgId: "org_1",
      orgSlug: "acme",
      orgRole: "org:admin",
      // reports: 5 = bits 0 and 2; billing: 2 = bit 1; the user feature takes no mask.
      orgPermissions: ["org:reports:read", "org:reports:delete", "org:billing:manage"],
    });
  });

  it("counts ou and uo scopes as organisation features", () => {
    expect(decodeOrgPermissions("uo:a,ou:b,u:c,o:d", "x,y", "1,2,3")).toEqual([
      "org:a:x",
      "org:b:y",
      "org:d:x",
      "org:d:y",
    ]);
  });

  it("decodes a 54-bit mask exactly (beyond Number's 2^53)", () => {
    const per = Array.from({ length: 54 }, (_, i) => `p${i}`).join(",");
    const mask = ((1n << 53n) | 1n).toString(); // 9007199254740993: not representable as a double
    expect(Number(mask)).toBe(2 ** 53); // a Number parse would lose bit 0
    expect(decodeOrgPermissions("o:big", per, mask)).toEqual(["org:big:p0", "org:big:p53"]);
    const all = ((1n << 54n) - 1n).toString();
    expect(decodeOrgPermissions("o:big", per, all)).toHaveLength(54);
  });

  it("fails closed per entry on malformed masks", () => {
    for (const bad of ["-1", "1.5", "0x3", "abc", "", " ", "1e3", "3n"]) {
      expect(decodeOrgPermissions("o:a,o:b", "x,y", `${bad},3`)).toEqual(["org:b:x", "org:b:y"]);
    }
  });

  it("gives nothing for scope-less features or extra masks, and ignores bits past per", () => {
    expect(decodeOrgPermissions("nocolon,o:a", "x", "1,1")).toEqual(["org:a:x"]);
    expect(decodeOrgPermissions("o:a", "x", "1,1,1")).toEqual(["org:a:x"]);
    expect(decodeOrgPermissions("o:a,o:b", "x", "1")).toEqual(["org:a:x"]);
    expect(decodeOrgPermissions("o:a", "x", "6")).toEqual([]);
    expect(decodeOrgPermissions("o:", "x", "1")).toEqual([]);
  });

  it("never throws on wrong types and returns no organisation without o.id", () => {
    expect(decodeOrgPermissions(undefined, "x", "1")).toEqual([]);
    expect(decodeOrgPermissions("o:a", 7, "1")).toEqual([]);
    expect(decodeOrgPermissions("o:a", "x", ["1"])).toEqual([]);
    expect(organizationFromClaims({ ...base, v: 2, o: "org_1" as never })).toEqual({
      orgId: null,
      orgSlug: null,
      orgRole: null,
      orgPermissions: null,
    });
    expect(organizationFromClaims({ ...base, v: 2, o: { id: "org_1" } })).toEqual({
      orgId: "org_1",
      orgSlug: null,
      orgRole: null,
      orgPermissions: [],
    });
  });

  it("passes v1 org_* claims through", () => {
    expect(
      organizationFromClaims({
        ...base,
        org_id: "org_9",
        org_slug: "nine",
        org_role: "org:member",
        org_permissions: ["org:a:b"],
      }),
    ).toEqual({ orgId: "org_9", orgSlug: "nine", orgRole: "org:member", orgPermissions: ["org:a:b"] });
  });
});

describe("organisation data through authenticateRequest", () => {
  let key: TestKey;
  beforeAll(async () => {
    key = await makeKey();
  });

  it("toAuth() decodes v2 claims from a real token, with fva", async () => {
    const token = await signToken(
      key,
      sessionClaims({
        v: 2,
        fva: [3, -1],
        fea: "o:reports",
        o: { id: "org_2", slg: "two", rol: "viewer", per: "read,write", fpm: "1" },
      }),
    );
    const state = await authenticateRequest(
      new Request("https://x.test", { headers: { authorization: `Bearer ${token}` } }),
      { jwtKey: key.pem },
    );
    const auth = state.toAuth() as SessionAuth;
    expect(auth).toMatchObject({
      orgId: "org_2",
      orgSlug: "two",
      orgRole: "org:viewer",
      orgPermissions: ["org:reports:read"],
      factorVerificationAge: [3, -1],
    });
    expect(auth.claims?.o).toEqual({ id: "org_2", slg: "two", rol: "viewer", per: "read,write", fpm: "1" });
  });
});
