// The protected handler of protected-handler.ts, tested end to end against the Clerk fake:
// real session tokens and API keys, verified through the fake's JWKS and verify endpoints,
// and a real usersGet call answered by the fake. No network, no Clerk account.
import { describe, expect, it } from "vitest";
import { apiKeysCreateApiKey } from "../../src/funcs/apiKeysCreateApiKey.js";
import { apiKeysRevokeApiKey } from "../../src/funcs/apiKeysRevokeApiKey.js";
import { sessionsCreate } from "../../src/funcs/sessionsCreate.js";
import { sessionsCreateToken } from "../../src/funcs/sessionsCreateToken.js";
import { ClerkCore } from "../../src/core.js";
import { createClerkFake } from "../../src/testing/index.js";
import { createApp } from "./protected-handler.js";

const ADA = `user_2ada${"0".repeat(23)}`;
const ORG = `org_2engines${"0".repeat(20)}`;

function setup() {
  const fake = createClerkFake({
    seed: {
      users: [{ id: ADA, firstName: "Ada", emailAddresses: ["ada@example.com"] }],
      organizations: [{ id: ORG, name: "Engines", createdBy: ADA }],
    },
  });
  const app = createApp({
    secretKey: fake.secretKey,
    serverUrl: fake.serverUrl,
    fetch: fake.fetch,
    authorizedParties: ["https://app.example.com"],
  });
  const admin = new ClerkCore({ bearerAuth: fake.secretKey, serverUrl: fake.serverUrl, fetch: fake.fetch });
  const call = (path: string, token?: string) =>
    app(new Request(`https://api.example.com${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {}));
  return { fake, admin, call };
}

describe("a Fetch handler protected by authenticateRequest, against the fake", () => {
  it("serves a signed-in user, refuses missing, expired and foreign tokens", async () => {
    const { fake, call } = setup();
    const token = await fake.signSessionToken({ userId: ADA, azp: "https://app.example.com" });
    const me = await call("/me", token);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ id: ADA, name: "Ada", email: "ada@example.com", via: "session_token" });

    expect(await (await call("/me")).json()).toEqual({ error: "session-token-missing" });
    const expired = await fake.signSessionToken({
      userId: ADA,
      azp: "https://app.example.com",
      issuedAt: new Date(Date.now() - 3_600_000),
    });
    expect(await (await call("/me", expired)).json()).toEqual({ error: "token-expired" });
    const foreign = await fake.signSessionToken({ userId: ADA, azp: "https://evil.example" });
    expect((await call("/me", foreign)).status).toBe(401);
    expect(fake.requests.filter((r) => r.operationId === "GetJWKS").length).toBeGreaterThan(0);
  });

  it("checks organization permissions from the token's compact v2 claims", async () => {
    const { fake, call } = setup();
    const reader = await fake.signSessionToken({
      userId: ADA,
      azp: "https://app.example.com",
      orgId: ORG,
      orgPermissions: ["org:invoices:read"],
    });
    expect(await (await call("/invoices", reader)).json()).toEqual({ orgId: ORG, invoices: [] });
    const member = await fake.signSessionToken({ userId: ADA, azp: "https://app.example.com", orgId: ORG });
    expect((await call("/invoices", member)).status).toBe(403);
  });

  it("works with a token from a real session (createSession + CreateSessionToken) and with API keys", async () => {
    const { admin, call } = setup();
    const session = await sessionsCreate(admin, { requestBody: { userId: ADA } });
    if (!session.ok) throw session.error;
    const token = await sessionsCreateToken(admin, {
      sessionId: session.value.id,
      requestBody: { expiresInSeconds: 300 },
    });
    if (!token.ok) throw token.error;
    // A token from CreateSessionToken has no azp; this app requires one.
    expect(await (await call("/me", token.value.jwt)).json()).toEqual({ error: "token-invalid-authorized-parties" });

    const key = await apiKeysCreateApiKey(admin, { requestBody: { name: "ci-key", subject: ADA } });
    if (!key.ok) throw key.error;
    expect(await (await call("/me", key.value.secret)).json()).toMatchObject({ id: ADA, via: "api_key" });
    await apiKeysRevokeApiKey(admin, { apiKeyID: key.value.id, requestBody: {} });
    expect(await (await call("/me", key.value.secret)).json()).toEqual({ error: "machine-token-invalid" });
  });
});
