// The bodies auth reads from Clerk (the JWKS, machine-token verify answers)
// follow the package's rule that a response never costs the caller its data:
// a field that breaks the spec, or one the spec does not name, never turns a
// good key or a valid token into a failure, even for a core set to strict.
import { beforeAll, describe, expect, it } from "vitest";
import { ClerkCore } from "../../../src/core.js";
import { authenticateRequest } from "../../../src/auth/index.js";
import { bearer, useFakeClerk } from "../support/clerk-server.js";
import { apiKeyVerified, freshSecretKey, hex32, ORG_ID } from "../support/fixtures.js";
import { makeKey, signToken, type TestKey } from "../support/keys.js";

const clerk = useFakeClerk();
let key: TestKey;
beforeAll(async () => {
  key = await makeKey();
});

const strictCore = (secretKey: string) =>
  new ClerkCore({ bearerAuth: secretKey, serverUrl: clerk.serverUrl, responseValidation: "strict" });

describe("auth reads Clerk's bodies leniently", () => {
  it("a JWKS whose keys lack `use` and carry fields the spec does not name still verifies", async () => {
    const secretKey = freshSecretKey();
    const { use: _use, ...withoutUse } = key.jwk as Record<string, unknown>;
    const body = { keys: [{ ...withoutUse, "x5t#S256": "thumbprint", brand_new: 1 }], next_rotation_at: 123 };
    clerk.routes["GET /v1/jwks"] = () => ({ status: 200, body });
    const state = await authenticateRequest(bearer(await signToken(key)), { core: strictCore(secretKey) });
    expect(state.status).toBe("signed-in");
    expect(clerk.count("GET", "/v1/jwks")).toBe(1);
  });

  it("a JWKS that is no key set at all is still refused (wrong top-level kind)", async () => {
    clerk.routes["GET /v1/jwks"] = () => ({ status: 200, body: ["not", "a", "key", "set"] });
    const state = await authenticateRequest(bearer(await signToken(key)), { core: strictCore(freshSecretKey()) });
    expect(state.status).toBe("signed-out");
  });

  it("an API-key verify answer missing required fields, with an unknown one, still signs in", async () => {
    const token = `ak_${hex32(41)}`;
    const answer = apiKeyVerified(token, { brand_new_field: { nested_key: true } }) as Record<string, unknown>;
    delete answer["created_at"];
    delete answer["revocation_reason"];
    clerk.routes["POST /v1/api_keys/verify"] = () => ({ status: 200, body: answer });
    const state = await authenticateRequest(bearer(token), {
      core: strictCore("sk_test_lenient_bodies"),
      acceptsToken: "api_key",
    });
    expect(state.status).toBe("signed-in");
    expect(state.status === "signed-in" ? state.toAuth().orgId : undefined).toBe(ORG_ID);
  });
});
