import { SignJWT, UnsecuredJWT, base64url } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateRequest, verifyToken } from "../../../src/auth/index.js";
import { makeKey, nowSeconds, sessionClaims, signToken, type TestKey } from "../support/keys.js";
import { bearer } from "../support/clerk-server.js";

// Every check a session token goes through when the key is given as a PEM:
// no server exists in this file, so any network use would fail the test.
let rsa: TestKey;
let otherRsa: TestKey;
let ec: TestKey;

beforeAll(async () => {
  [rsa, otherRsa, ec] = await Promise.all([makeKey("RS256"), makeKey("RS256"), makeKey("ES256")]);
});

async function reasonFor(token: string, extra: Record<string, unknown> = {}) {
  const state = await authenticateRequest(bearer(token), { jwtKey: rsa.pem, ...extra });
  return state.reason;
}

describe("networkless verification with jwtKey", () => {
  it("signs in with the armored PEM and exposes the session", async () => {
    const token = await signToken(rsa);
    const state = await authenticateRequest(bearer(token), { jwtKey: rsa.pem });
    expect(state.status).toBe("signed-in");
    expect(state.isAuthenticated).toBe(true);
    expect(state.reason).toBeNull();
    expect(state.token).toBe(token);
    expect(state.tokenType).toBe("session_token");
    const auth = state.toAuth();
    expect(auth).toMatchObject({
      tokenType: "session_token",
      isAuthenticated: true,
      userId: "user_2abcdefghijklmnopqrstuvwxyz",
      sessionId: "sess_2abcdefghijklmnopqrstuvwxyz",
      orgId: null,
    });
  });

  it("signs in with the bare base64 body and with a \\n-escaped one-line PEM", async () => {
    const token = await signToken(rsa);
    expect((await authenticateRequest(bearer(token), { jwtKey: rsa.bareBase64 })).status).toBe("signed-in");
    const oneLine = rsa.pem.trim().replace(/\n/g, "\\n");
    expect((await authenticateRequest(bearer(token), { jwtKey: oneLine })).status).toBe("signed-in");
  });

  it("verifies RS384 and RS512 tokens too", async () => {
    for (const alg of ["RS384", "RS512"] as const) {
      const key = await makeKey(alg);
      const state = await authenticateRequest(bearer(await signToken(key)), { jwtKey: key.pem });
      expect(state.status).toBe("signed-in");
    }
  });

  it("reports jwk-local-invalid for a key that is not an RSA public key", async () => {
    const token = await signToken(rsa);
    expect(await reasonFor(token, { jwtKey: "not a key" })).toBe("jwk-local-invalid");
    expect(await reasonFor(token, { jwtKey: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" })).toBe(
      "jwk-local-invalid",
    );
    expect(await reasonFor(token, { jwtKey: ec.pem })).toBe("jwk-local-invalid");
  });

  it("refuses a jwtKey of two PEM blocks (one key is one key), whichever of them signed", async () => {
    const both = `${rsa.pem}\n${otherRsa.pem}`;
    expect(await reasonFor(await signToken(rsa), { jwtKey: both })).toBe("jwk-local-invalid");
    expect(await reasonFor(await signToken(otherRsa), { jwtKey: both })).toBe("jwk-local-invalid");
  });

  it("reports secret-key-missing when neither jwtKey nor secretKey is set", async () => {
    const state = await authenticateRequest(bearer(await signToken(rsa)), {});
    expect(state.reason).toBe("secret-key-missing");
    expect(state.status).toBe("signed-out");
  });
});

describe("algorithm and header checks", () => {
  it("rejects an ES256 token (EC key pair) with token-invalid-algorithm", async () => {
    const token = await signToken(ec);
    expect(await reasonFor(token, { jwtKey: ec.pem })).toBe("token-invalid-algorithm");
  });

  it("rejects alg confusion: HS256 signed with the public key's bytes as the secret", async () => {
    for (const secretText of [rsa.pem, rsa.bareBase64]) {
      const forged = await new SignJWT(sessionClaims())
        .setProtectedHeader({ alg: "HS256", kid: rsa.kid, typ: "JWT" })
        .sign(new TextEncoder().encode(secretText));
      const state = await authenticateRequest(bearer(forged), { jwtKey: rsa.pem });
      expect(state.status).toBe("signed-out");
      expect(state.reason).toBe("token-invalid-algorithm");
    }
  });

  it("rejects an unsecured (alg none) token", async () => {
    const token = new UnsecuredJWT(sessionClaims()).encode();
    expect(await reasonFor(token)).toBe("token-invalid-algorithm");
  });

  it("rejects a header typ other than JWT and accepts a missing typ", async () => {
    // An OAuth access token (typ at+jwt) is another kind of token, refused as @clerk/backend refuses it.
    expect(await reasonFor(await signToken(rsa, sessionClaims(), { typ: "at+jwt" }))).toBe("token-type-mismatch");
    expect(await reasonFor(await signToken(rsa, sessionClaims(), { typ: "jwe" }))).toBe("token-invalid");
    const untyped = await signToken(rsa, sessionClaims(), { typ: undefined });
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(untyped.split(".")[0]!)))).not.toHaveProperty("typ");
    expect(await reasonFor(untyped)).toBeNull();
  });

  it("refuses M2M and JWT-template tokens by their cat header before verifying", async () => {
    const m2m = await signToken(rsa, sessionClaims(), { cat: "cl_B7d4PD333AAA" });
    const template = await signToken(rsa, sessionClaims(), { cat: "cl_B7d4PD222AAA" });
    expect(await reasonFor(m2m)).toBe("token-type-mismatch");
    expect(await reasonFor(template)).toBe("token-type-mismatch");
    // Before any key lookup: even an unusable key does not change the answer.
    expect(await reasonFor(m2m, { jwtKey: "garbage" })).toBe("token-type-mismatch");
    // verifyToken, given one directly, says what it is.
    const verified = await verifyToken(m2m, { jwtKey: rsa.pem });
    expect(verified.error?.reason).toBe("token-invalid");
    expect(verified.error?.message).toContain("M2M");
  });

  it("rejects a token that is not a JWT at all", async () => {
    expect(await reasonFor("hello")).toBe("token-invalid");
    expect(await reasonFor("a.b.c")).toBe("token-invalid");
    expect(await reasonFor(`${(await signToken(rsa)).split(".").slice(0, 2).join(".")}.`)).toBe(
      "token-invalid-signature",
    );
  });
});

describe("signature before claims", () => {
  it("reports token-invalid-signature for a token signed by another key", async () => {
    expect(await reasonFor(await signToken({ ...otherRsa, kid: rsa.kid }))).toBe("token-invalid-signature");
  });

  it("reports the signature, not the expiry, for an expired forged token", async () => {
    const expiredForged = await signToken(
      otherRsa,
      sessionClaims({ exp: nowSeconds() - 3600, iat: nowSeconds() - 7200 }),
    );
    expect(await reasonFor(expiredForged)).toBe("token-invalid-signature");
  });

  it("reports the signature for a tampered payload", async () => {
    const [h, , s] = (await signToken(rsa)).split(".");
    const payload = base64url.encode(JSON.stringify(sessionClaims({ sub: "user_attacker" })));
    expect(await reasonFor(`${h}.${payload}.${s}`)).toBe("token-invalid-signature");
  });
});

describe("time claims with clock skew", () => {
  it("token-expired beyond the skew, accepted within it", async () => {
    const now = nowSeconds();
    const expired30s = await signToken(rsa, sessionClaims({ exp: now - 30, iat: now - 120, nbf: now - 120 }));
    expect(await reasonFor(expired30s)).toBe("token-expired"); // default skew is well under 30 s
    expect(await reasonFor(expired30s, { clockSkewInMs: 60_000 })).toBeNull();
    expect(await reasonFor(expired30s, { clockSkewInMs: 0 })).toBe("token-expired");
    // The default skew (5 s) covers a token that expired a moment ago.
    const justExpired = await signToken(rsa, sessionClaims({ exp: now - 1, iat: now - 60, nbf: now - 60 }));
    expect(await reasonFor(justExpired)).toBeNull();
    expect(await reasonFor(justExpired, { clockSkewInMs: 0 })).toBe("token-expired");
  });

  it("token-not-active-yet for a future nbf, within the skew accepted", async () => {
    const now = nowSeconds();
    const in30s = await signToken(rsa, sessionClaims({ nbf: now + 30, iat: now - 1 }));
    expect(await reasonFor(in30s)).toBe("token-not-active-yet");
    expect(await reasonFor(in30s, { clockSkewInMs: 0 })).toBe("token-not-active-yet");
    expect(await reasonFor(in30s, { clockSkewInMs: 60_000 })).toBeNull();
  });

  it("token-iat-in-the-future for a future iat", async () => {
    const now = nowSeconds();
    expect(await reasonFor(await signToken(rsa, sessionClaims({ iat: now + 60, nbf: now - 1 })))).toBe(
      "token-iat-in-the-future",
    );
    expect(
      await reasonFor(await signToken(rsa, sessionClaims({ iat: now + 60, nbf: now - 1 })), { clockSkewInMs: 120_000 }),
    ).toBeNull();
  });

  it("token-invalid when exp is missing or sub is not a string", async () => {
    const { exp: _exp, ...noExp } = sessionClaims();
    expect(await reasonFor(await signToken(rsa, noExp))).toBe("token-invalid");
    expect(await reasonFor(await signToken(rsa, sessionClaims({ sub: 42 })))).toBe("token-invalid");
    const { sub: _sub, ...noSub } = sessionClaims();
    expect(await reasonFor(await signToken(rsa, noSub))).toBe("token-invalid");
  });
});

describe("authorized parties and audiences", () => {
  const parties = ["https://app.example.test", "https://admin.example.test"];

  it("accepts an azp in the list and rejects one outside it", async () => {
    expect(await reasonFor(await signToken(rsa), { authorizedParties: parties })).toBeNull();
    const evil = await signToken(rsa, sessionClaims({ azp: "https://evil.example.test" }));
    expect(await reasonFor(evil, { authorizedParties: parties })).toBe("token-invalid-authorized-parties");
    expect(await reasonFor(evil)).toBeNull();
  });

  it("rejects a token without azp when authorizedParties is set", async () => {
    const { azp: _azp, ...noAzp } = sessionClaims();
    const token = await signToken(rsa, noAzp);
    expect(await reasonFor(token, { authorizedParties: parties })).toBe("token-invalid-authorized-parties");
    expect(await reasonFor(token)).toBeNull();
  });

  it("requires aud to intersect audiences when set (string or array aud)", async () => {
    const single = await signToken(rsa, sessionClaims({ aud: "api://orders" }));
    const many = await signToken(rsa, sessionClaims({ aud: ["api://billing", "api://orders"] }));
    const none = await signToken(rsa);
    expect(await reasonFor(single, { audiences: "api://orders" })).toBeNull();
    expect(await reasonFor(many, { audiences: ["api://orders", "api://x"] })).toBeNull();
    expect(await reasonFor(single, { audiences: ["api://billing"] })).toBe("token-invalid-audience");
    expect(await reasonFor(none, { audiences: ["api://orders"] })).toBe("token-invalid-audience");
  });
});

describe("misconfigured party and audience lists fail closed", () => {
  it("matches a string option exactly, never as a substring", async () => {
    const token = await signToken(rsa, sessionClaims({ azp: "https://app", aud: "api" }));
    expect(await reasonFor(token, { authorizedParties: "https://app.example.test" as never })).toBe(
      "token-invalid-authorized-parties",
    );
    expect(await reasonFor(token, { authorizedParties: "https://app" as never })).toBeNull();
    expect(await reasonFor(token, { audiences: "api://orders" })).toBe("token-invalid-audience");
  });

  it("rejects every token when the option has a wrong type", async () => {
    const token = await signToken(rsa);
    expect(await reasonFor(token, { authorizedParties: 42 as never })).toBe("token-invalid-authorized-parties");
    expect(await reasonFor(token, { authorizedParties: [42] as never })).toBe("token-invalid-authorized-parties");
    expect(await reasonFor(token, { audiences: { a: 1 } as never })).toBe("token-invalid-audience");
  });
});

describe("jwtKey means no network", () => {
  it("never calls fetch for session tokens, even with a secret key and a failing server set", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return new Response("down", { status: 503 });
    };
    const options = { jwtKey: rsa.pem, secretKey: "sk_test_unused", serverUrl: "http://127.0.0.1:9/v1", fetch };
    expect((await authenticateRequest(bearer(await signToken(rsa)), options)).status).toBe("signed-in");
    expect((await authenticateRequest(bearer(await signToken(otherRsa)), options)).reason).toBe(
      "token-invalid-signature",
    );
    expect(calls).toBe(0);
  });
});
