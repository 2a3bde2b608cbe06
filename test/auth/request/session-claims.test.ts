import { createClerkClient } from "@clerk/backend";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateRequest } from "../../../src/auth/index.js";
import { bearer } from "../support/clerk-server.js";
import { makeKey, sessionClaims, signToken, type TestKey } from "../support/keys.js";

// `sessionClaims` on the auth object: the name @clerk/backend uses for the
// verified claims, so code moving from it reads the same property.
let key: TestKey;
beforeAll(async () => {
  key = await makeKey("RS256");
});

const publishableKey = `pk_test_${btoa("clerk.example.test$")}`;

describe("the auth object's sessionClaims", () => {
  it("is the verified claims object, as `claims`, and holds what @clerk/backend's sessionClaims holds", async () => {
    const claims = sessionClaims({ metadata: { onboarded: true }, org_id: "org_1", org_role: "org:admin" });
    const token = await signToken(key, claims);
    const auth = (await authenticateRequest(bearer(token), { jwtKey: key.pem })).toAuth();
    if (auth.tokenType !== "session_token") throw new Error("expected a session auth object");
    expect(auth.sessionClaims).toBe(auth.claims);
    expect(auth.sessionClaims).toEqual(claims);

    const backend = createClerkClient({ jwtKey: key.pem, publishableKey, secretKey: "sk_test_unused" });
    const theirs = (await backend.authenticateRequest(bearer(token), { jwtKey: key.pem })).toAuth();
    expect(theirs).toMatchObject({ tokenType: "session_token", userId: claims.sub });
    // @clerk/backend also attaches the raw token as `__raw`; every claim is the same.
    const { __raw, ...theirClaims } = (theirs as { sessionClaims: Record<string, unknown> }).sessionClaims;
    expect(__raw === undefined || __raw === token).toBe(true);
    expect(auth.sessionClaims).toEqual(theirClaims);
  });

  it("is null when signed out, as `claims`", async () => {
    const auth = (await authenticateRequest(new Request("https://app.example.test/"), { jwtKey: key.pem })).toAuth();
    expect(auth).toMatchObject({ tokenType: "session_token", claims: null, sessionClaims: null });
  });
});
