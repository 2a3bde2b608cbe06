import { describe, expect, it } from "vitest";
import { JWKS_CACHE_TTL_MS, cachedJwks, jwksCacheKey, storeJwks } from "../../../src/auth/jwksCache.js";
import { rsaKeysById } from "../../../src/auth/jwks.js";

describe("JWKS cache entries", () => {
  it("serve keys for five minutes after the fetch, then expire", () => {
    const keys = rsaKeysById({ keys: [{ kty: "RSA", kid: "k1", n: "AQAB", e: "AQAB" }] });
    storeJwks("cache-ttl-test", keys, 1_000);
    expect(JWKS_CACHE_TTL_MS).toBe(300_000);
    expect(cachedJwks("cache-ttl-test", 1_000 + JWKS_CACHE_TTL_MS - 1)?.keys.get("k1")?.n).toBe("AQAB");
    expect(cachedJwks("cache-ttl-test", 1_000 + JWKS_CACHE_TTL_MS)).toBeUndefined();
    expect(cachedJwks("cache-ttl-test", 1_000)).toBeUndefined(); // an expired entry is dropped
  });

  it("key on server, API version and a hash of the secret key, never the key itself", async () => {
    const a = await jwksCacheKey("https://api.clerk.com/v1", "2026-05-12", "sk_live_tenant_a");
    expect(a).not.toContain("sk_live_tenant_a");
    expect(a).toMatch(/\n[0-9a-f]{64}$/);
    expect(await jwksCacheKey("https://api.clerk.com/v1", "2026-05-12", "sk_live_tenant_a")).toBe(a);
    const others = await Promise.all([
      jwksCacheKey("https://api.clerk.com/v1", "2026-05-12", "sk_live_tenant_b"),
      jwksCacheKey("https://other.example/v1", "2026-05-12", "sk_live_tenant_a"),
      jwksCacheKey("https://api.clerk.com/v1", "2025-04-10", "sk_live_tenant_a"),
    ]);
    expect(new Set([a, ...others]).size).toBe(4);
  });

  it("keep only RSA signing keys, and only their public parts", () => {
    const keys = rsaKeysById({
      keys: [
        { kty: "RSA", kid: "sig", n: "n1", e: "AQAB", use: "sig", alg: "RS256", d: "private" },
        { kty: "RSA", kid: "enc", n: "n2", e: "AQAB", use: "enc" },
        { kty: "EC", kid: "ec", crv: "P-256", x: "x", y: "y" },
        { kty: "oct", kid: "hmac", k: "c2VjcmV0" },
        { kty: "RSA", n: "no-kid", e: "AQAB" },
        null,
        "junk",
      ],
    });
    expect([...keys.keys()]).toEqual(["sig"]);
    expect(keys.get("sig")).toEqual({ kid: "sig", n: "n1", e: "AQAB", alg: "RS256" });
    expect(rsaKeysById(null).size).toBe(0);
    expect(rsaKeysById({ keys: "nope" }).size).toBe(0);
  });
});
