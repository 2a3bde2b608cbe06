// Session tokens the fake mints: they verify with clerk-fn/auth (PEM jwtKey and JWKS paths)
// and with jose directly, and every signed-out reason a token's shape can cause comes
// from a fake-issued token.
import { createLocalJWKSet, decodeProtectedHeader, importSPKI, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { authenticateRequest, verifyToken } from "../../src/auth/index.js";
import { jwksGetJWKS } from "../../src/funcs/jwksGetJWKS.js";
import { createClerkFake, type ClerkFake } from "../../src/testing/index.js";
import { checkedFetch, harness, useSpecCheck } from "./support/checked.js";
import { unwrapOk } from "./support/results.js";

useSpecCheck("tokens.test.ts");

const ADA = "user_2ada000000000000000000000";
const seed = {
  users: [{ id: ADA, firstName: "Ada", emailAddresses: ["ada@example.com"] }],
  organizations: [{ id: "org_2engines0000000000000000000", name: "Engines", slug: "engines", createdBy: ADA }],
};

/** The JWKS path of clerk-fn/auth: secret key + the fake's serverUrl and fetch. */
const viaJwks = (fake: ClerkFake) => ({
  secretKey: fake.secretKey,
  serverUrl: fake.serverUrl,
  fetch: checkedFetch(fake.fetch),
  skipJwksCache: true,
});
const request = (token?: string) =>
  new Request("https://api.example.com/me", token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe("session tokens from fake.signSessionToken", () => {
  it("are Clerk v2 session tokens that verify with the PEM jwtKey, the JWKS and jose", async () => {
    const { fake, core } = harness({ seed });
    const token = await fake.signSessionToken({ userId: ADA, sessionId: "sess_1", azp: "https://app.example.com" });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "RS256", typ: "JWT" });

    const pem = await authenticateRequest(request(token), {
      jwtKey: fake.jwtKey,
      authorizedParties: ["https://app.example.com"],
    });
    expect(pem.status).toBe("signed-in");
    expect(pem.toAuth()).toMatchObject({ userId: ADA, sessionId: "sess_1", orgId: null });

    const remote = await verifyToken(token, viaJwks(fake));
    expect(unwrapOk(remote)).toMatchObject({ sub: ADA, sid: "sess_1", v: 2, iss: fake.issuer });

    const direct = await jwtVerify(token, await importSPKI(fake.jwtKey, "RS256"), { issuer: fake.issuer });
    expect(direct.payload.sub).toBe(ADA);
    const served = unwrapOk(await jwksGetJWKS(core));
    expect(served.keys).toHaveLength(1);
    const viaSet = await jwtVerify(token, createLocalJWKSet(served as Parameters<typeof createLocalJWKSet>[0]));
    expect(viaSet.payload["sid"]).toBe("sess_1");
  });

  it("carry the compact v2 organization claims that clerk-fn/auth decodes back", async () => {
    const fake = createClerkFake({ seed });
    const token = await fake.signSessionToken({
      userId: ADA,
      orgId: "org_2engines0000000000000000000",
      orgRole: "org:admin",
      orgPermissions: ["org:invoices:read", "org:invoices:manage", "org:sys_memberships:read"],
    });
    const state = await authenticateRequest(request(token), { jwtKey: fake.jwtKey });
    expect(state.toAuth()).toMatchObject({
      orgId: "org_2engines0000000000000000000",
      orgSlug: "engines",
      orgRole: "org:admin",
      orgPermissions: ["org:invoices:read", "org:invoices:manage", "org:sys_memberships:read"],
    });
    expect(state.claims).toMatchObject({
      v: 2,
      o: { id: "org_2engines0000000000000000000", rol: "admin", slg: "engines", per: "read,manage", fpm: "3,1" },
      fea: "o:invoices,o:sys_memberships",
    });
  });

  it("produce every signed-out reason a token's shape can cause", async () => {
    const fake = createClerkFake({ seed });
    const nowMs = Date.now();
    const reasonOf = async (token: string, options: Record<string, unknown> = {}) =>
      (await authenticateRequest(request(token), { jwtKey: fake.jwtKey, ...options })).reason;

    expect(
      await reasonOf(
        await fake.signSessionToken({ userId: ADA, issuedAt: new Date(nowMs - 600_000), expiresInSeconds: 60 }),
      ),
    ).toBe("token-expired");
    expect(
      await reasonOf(await fake.signSessionToken({ userId: ADA, claims: { nbf: Math.floor(nowMs / 1000) + 600 } })),
    ).toBe("token-not-active-yet");
    expect(
      await reasonOf(
        await fake.signSessionToken({
          userId: ADA,
          issuedAt: new Date(nowMs + 600_000),
          claims: { nbf: Math.floor(nowMs / 1000) - 10 },
        }),
      ),
    ).toBe("token-iat-in-the-future");
    expect(
      await reasonOf(await fake.signSessionToken({ userId: ADA, azp: "https://evil.example" }), {
        authorizedParties: ["https://app.example.com"],
      }),
    ).toBe("token-invalid-authorized-parties");
    expect(
      await reasonOf(await fake.signSessionToken({ userId: ADA }), { authorizedParties: ["https://app.example.com"] }),
    ).toBe("token-invalid-authorized-parties");
    expect(
      await reasonOf(await fake.signSessionToken({ userId: ADA, claims: { aud: "other-api" } }), {
        audiences: ["my-api"],
      }),
    ).toBe("token-invalid-audience");
    expect(await reasonOf(await fake.signSessionToken({ userId: ADA, claims: { exp: "later" } }))).toBe(
      "token-invalid",
    );
    expect(await reasonOf(await fake.signSessionToken({ userId: ADA, algorithm: "PS256" }))).toBe(
      "token-invalid-algorithm",
    );
    const good = await fake.signSessionToken({ userId: ADA });
    const [header, payload, signature] = good.split(".");
    const forged = `${header}.${btoa(
      JSON.stringify({ ...JSON.parse(atob(payload!.replace(/-/g, "+").replace(/_/g, "/"))), sub: "user_someone_else" }),
    )
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_")}.${signature}`;
    expect(await reasonOf(forged)).toBe("token-invalid-signature");
    expect((await authenticateRequest(request(), { jwtKey: fake.jwtKey })).reason).toBe("session-token-missing");
    expect(await reasonOf(good, { jwtKey: undefined })).toBe("secret-key-missing");
    expect(await reasonOf(good)).toBeNull();
  });

  it("after fake.rotateKeys(), old tokens are refused (unknown kid on the JWKS path, bad signature with the new PEM) and new ones pass", async () => {
    const fake = createClerkFake({ seed });
    const before = await fake.signSessionToken({ userId: ADA });
    const oldPem = fake.jwtKey;
    expect((await authenticateRequest(request(before), viaJwks(fake))).reason).toBeNull();
    await fake.rotateKeys();
    expect(fake.jwtKey).not.toBe(oldPem);
    const after = await fake.signSessionToken({ userId: ADA });
    expect(decodeProtectedHeader(after).kid).not.toBe(decodeProtectedHeader(before).kid);
    expect((await authenticateRequest(request(before), viaJwks(fake))).reason).toBe("jwk-kid-mismatch");
    expect((await authenticateRequest(request(before), { jwtKey: fake.jwtKey })).reason).toBe(
      "token-invalid-signature",
    );
    expect((await authenticateRequest(request(after), viaJwks(fake))).reason).toBeNull();
    expect((await authenticateRequest(request(after), { jwtKey: fake.jwtKey })).reason).toBeNull();
  });
});
