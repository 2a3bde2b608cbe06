import { beforeAll, describe, expect, it } from "vitest";
import { TokenVerificationError, verifyToken } from "../../../src/auth/index.js";
import { makeKey, nowSeconds, sessionClaims, signToken, type TestKey } from "../support/keys.js";

let key: TestKey;
beforeAll(async () => {
  key = await makeKey();
});

describe("verifyToken", () => {
  it("returns the claims of a valid session token, unknown claims kept", async () => {
    const token = await signToken(key, sessionClaims({ metadata: { plan: "pro" } }));
    const result = await verifyToken(token, { jwtKey: key.pem });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.sub).toBe("user_2abcdefghijklmnopqrstuvwxyz");
    expect(result.value.metadata).toEqual({ plan: "pro" });
  });

  it("returns a TokenVerificationError with a stable reason and name", async () => {
    const token = await signToken(
      key,
      sessionClaims({ exp: nowSeconds() - 600, iat: nowSeconds() - 900, nbf: nowSeconds() - 900 }),
    );
    const result = await verifyToken(token, { jwtKey: key.pem });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(TokenVerificationError);
    expect(result.error).toBeInstanceOf(Error);
    expect(result.error.name).toBe("TokenVerificationError");
    expect(result.error.reason).toBe("token-expired");
  });

  it("never throws or rejects, whatever it is given", async () => {
    const inputs: unknown[][] = [
      [undefined, undefined],
      [null, { jwtKey: key.pem }],
      ["", { jwtKey: key.pem }],
      [42, { jwtKey: key.pem }],
      ["a.b.c", null],
      ["x", { jwtKey: 7 }],
      [await signToken(key), { secretKey: 42 }],
      [await signToken(key), { jwtKey: key.pem, clockSkewInMs: Number.NaN, audiences: 5, authorizedParties: "x" }],
    ];
    for (const [token, options] of inputs) {
      const result = await verifyToken(token as string, options as never);
      expect(typeof result.ok).toBe("boolean");
    }
  });

  it("does not leak the secret key in messages when the key provider throws", async () => {
    const { ClerkCore } = await import("../../../src/core.js");
    const core = new ClerkCore({
      bearerAuth: () => {
        throw new Error("vault down");
      },
    });
    const result = await verifyToken(await signToken(key), { core });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toBe("unexpected-error");
  });
});
