// API keys, machines and M2M tokens through the public functions, and
// authenticateRequest({ acceptsToken }) against the fake: what the fake issued is accepted,
// revoked, expired and unknown tokens are refused with the right reasons.
import { describe, expect, it } from "vitest";
import { authenticateRequest } from "../../src/auth/index.js";
import { ClerkCore } from "../../src/core.js";
import { apiKeysCreateApiKey } from "../../src/funcs/apiKeysCreateApiKey.js";
import { apiKeysDeleteApiKey } from "../../src/funcs/apiKeysDeleteApiKey.js";
import { apiKeysGetApiKey } from "../../src/funcs/apiKeysGetApiKey.js";
import { apiKeysGetApiKeys } from "../../src/funcs/apiKeysGetApiKeys.js";
import { apiKeysGetApiKeySecret } from "../../src/funcs/apiKeysGetApiKeySecret.js";
import { apiKeysRevokeApiKey } from "../../src/funcs/apiKeysRevokeApiKey.js";
import { apiKeysUpdateApiKey } from "../../src/funcs/apiKeysUpdateApiKey.js";
import { apiKeysVerifyApiKey } from "../../src/funcs/apiKeysVerifyApiKey.js";
import { m2mCreateToken } from "../../src/funcs/m2mCreateToken.js";
import { m2mListTokens } from "../../src/funcs/m2mListTokens.js";
import { m2mRevokeToken } from "../../src/funcs/m2mRevokeToken.js";
import { m2mVerifyToken } from "../../src/funcs/m2mVerifyToken.js";
import { machinesCreate } from "../../src/funcs/machinesCreate.js";
import { machinesGet } from "../../src/funcs/machinesGet.js";
import { machinesList } from "../../src/funcs/machinesList.js";
import { oauthAccessTokensVerify } from "../../src/funcs/oauthAccessTokensVerify.js";
import { checkedFetch, harness, useSpecCheck } from "./support/checked.js";
import { clerkErrorOf, unwrapOk } from "./support/results.js";

useSpecCheck("machine-tokens.test.ts");

const ADA = `user_2ada${"0".repeat(23)}`;
const seed = { users: [{ id: ADA, firstName: "Ada" }] };
const withToken = (token: string) =>
  new Request("https://api.example.com/jobs", { headers: { authorization: `Bearer ${token}` } });

describe("API keys", () => {
  it("create, list, get, update, secret, verify, revoke, delete", async () => {
    const { core, fake, fetch } = harness({ seed });
    const key = unwrapOk(
      await apiKeysCreateApiKey(core, {
        requestBody: { name: "ci-key", subject: ADA, scopes: ["read"], claims: { team: "a" }, createdBy: ADA },
      }),
    );
    expect(key.id).toMatch(/^ak_[0-9a-f]{32}$/);
    expect(key.secret).toMatch(/^ak_/);
    expect(key).toMatchObject({
      object: "api_key",
      type: "api_key",
      subject: ADA,
      revoked: false,
      expired: false,
      expiration: null,
    });
    expect(unwrapOk(await apiKeysGetApiKeys(core, { subject: ADA })).totalCount).toBe(1);
    expect(unwrapOk(await apiKeysGetApiKey(core, { apiKeyID: key.id })).name).toBe("ci-key");
    expect(unwrapOk(await apiKeysGetApiKeySecret(core, { apiKeyID: key.id })).secret).toBe(key.secret);
    expect(
      unwrapOk(
        await apiKeysUpdateApiKey(core, {
          apiKeyID: key.id,
          requestBody: { scopes: ["read", "write"], description: "for CI" },
        }),
      ),
    ).toMatchObject({ scopes: ["read", "write"], description: "for CI" });
    expect(unwrapOk(await apiKeysVerifyApiKey(core, { requestBody: { secret: key.secret! } })).id).toBe(key.id);
    expect(unwrapOk(await apiKeysVerifyApiKey(core, { requestBody: { secret: key.secret! } })).lastUsedAt).toBeTypeOf(
      "number",
    );
    expect(clerkErrorOf(await apiKeysVerifyApiKey(core, { requestBody: { secret: "ak_unknown" } })).statusCode).toBe(
      404,
    );
    // The SDK checks the name itself; a raw request shows the fake's own check.
    const short = await fetch(`${fake.serverUrl}/api_keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.secretKey}` },
      body: JSON.stringify({ name: "x", subject: ADA }),
    });
    expect(((await short.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe("form_param_format_invalid");
    expect(
      clerkErrorOf(
        await apiKeysCreateApiKey(core, {
          requestBody: { name: "ghost-key", subject: `user_2nobody${"0".repeat(20)}` },
        }),
      ).statusCode,
    ).toBe(404);
    const revoked = unwrapOk(
      await apiKeysRevokeApiKey(core, { apiKeyID: key.id, requestBody: { revocationReason: "leaked" } }),
    );
    expect(revoked).toMatchObject({ revoked: true, revocationReason: "leaked" });
    expect(unwrapOk(await apiKeysGetApiKeys(core, { subject: ADA })).totalCount).toBe(0);
    expect(unwrapOk(await apiKeysGetApiKeys(core, { subject: ADA, includeInvalid: "true" })).totalCount).toBe(1);
    expect(unwrapOk(await apiKeysDeleteApiKey(core, { apiKeyID: key.id }))).toMatchObject({ deleted: true });
    expect(clerkErrorOf(await apiKeysGetApiKey(core, { apiKeyID: key.id })).statusCode).toBe(404);
  });
});

describe("machines and M2M tokens", () => {
  it("a machine's secret key mints M2M tokens scoped to its machines; list, verify, revoke", async () => {
    const { core, fake, fetch } = harness();
    const reports = unwrapOk(await machinesCreate(core, { requestBody: { name: "reports" } }));
    const worker = unwrapOk(
      await machinesCreate(core, {
        requestBody: { name: "worker", scopedMachines: [reports.id], defaultTokenTtl: 600 },
      }),
    );
    expect(worker.id).toMatch(/^mch_\w{27}$/);
    expect(worker.secretKey).toMatch(/^ak_/);
    expect(worker.scopedMachines.map((m) => m.id)).toEqual([reports.id]);
    expect(unwrapOk(await machinesGet(core, { machineId: worker.id })).name).toBe("worker");
    expect(unwrapOk(await machinesList(core)).totalCount).toBe(2);

    const asMachine = new ClerkCore({
      bearerAuth: worker.secretKey,
      serverUrl: fake.serverUrl,
      fetch,
      retryConfig: { strategy: "none" },
    });
    const token = unwrapOk(await m2mCreateToken(asMachine, { requestBody: { claims: { job: 7 } } }));
    expect(token).toMatchObject({
      object: "machine_to_machine_token",
      subject: worker.id,
      scopes: [reports.id],
      revoked: false,
    });
    expect(token.token).toMatch(/^mt_/);
    expect(fake.requests.at(-1)?.status).toBe(201);
    expect(clerkErrorOf(await m2mCreateToken(core, { requestBody: {} })).statusCode).toBe(400);
    expect(unwrapOk(await m2mVerifyToken(asMachine, { requestBody: { token: token.token! } })).id).toBe(token.id);
    expect(unwrapOk(await m2mListTokens(core, { subject: worker.id })).totalCount).toBe(1);
    unwrapOk(await m2mRevokeToken(core, { m2mTokenId: token.id, requestBody: { revocationReason: "done" } }));
    expect(unwrapOk(await m2mVerifyToken(core, { requestBody: { token: token.token! } })).revoked).toBe(true);
    expect(unwrapOk(await m2mListTokens(core, { subject: worker.id })).totalCount).toBe(0);
    expect(unwrapOk(await m2mListTokens(core, { subject: worker.id, revoked: true })).totalCount).toBe(1);
  });
});

describe("authenticateRequest with acceptsToken against the fake", () => {
  it("accepts what the fake issued and refuses revoked, expired and unknown tokens with the right reasons", async () => {
    let now = Date.now();
    const { core, fake, fetch } = harness({ seed, now: () => new Date(now) });
    const options = {
      secretKey: fake.secretKey,
      serverUrl: fake.serverUrl,
      fetch: checkedFetch(fake.fetch),
      acceptsToken: "any",
    } as const;

    const key = unwrapOk(
      await apiKeysCreateApiKey(core, { requestBody: { name: "ci-key", subject: ADA, scopes: ["read"] } }),
    );
    const machine = unwrapOk(await machinesCreate(core, { requestBody: { name: "worker" } }));
    const asMachine = new ClerkCore({ bearerAuth: machine.secretKey, serverUrl: fake.serverUrl, fetch });
    const m2m = unwrapOk(await m2mCreateToken(asMachine, { requestBody: { secondsUntilExpiration: 60 } }));
    const oauth = fake.issueOAuthAccessToken({ userId: ADA, clientId: "client_app", scopes: ["profile"] });
    const session = await fake.signSessionToken({ userId: ADA });

    const apiKeyState = await authenticateRequest(withToken(key.secret!), options);
    expect(apiKeyState.status).toBe("signed-in");
    expect(apiKeyState.toAuth()).toMatchObject({ tokenType: "api_key", userId: ADA, name: "ci-key", scopes: ["read"] });
    expect((await authenticateRequest(withToken(m2m.token!), options)).toAuth()).toMatchObject({
      tokenType: "m2m_token",
      machineId: machine.id,
    });
    expect((await authenticateRequest(withToken(oauth), options)).toAuth()).toMatchObject({
      tokenType: "oauth_token",
      userId: ADA,
      clientId: "client_app",
    });
    expect(unwrapOk(await oauthAccessTokensVerify(core, { requestBody: { accessToken: oauth } }))).toMatchObject({
      subject: ADA,
    });
    expect((await authenticateRequest(withToken(session), { ...options, jwtKey: fake.jwtKey })).toAuth()).toMatchObject(
      { tokenType: "session_token", userId: ADA },
    );

    expect(
      (await authenticateRequest(withToken(key.secret!), { ...options, acceptsToken: "session_token" })).reason,
    ).toBe("token-type-mismatch");
    expect((await authenticateRequest(withToken("ak_never_issued"), options)).reason).toBe("machine-token-invalid");
    expect((await authenticateRequest(withToken(key.secret!), { ...options, secretKey: "sk_test_wrong" })).reason).toBe(
      "secret-key-invalid",
    );
    unwrapOk(await apiKeysRevokeApiKey(core, { apiKeyID: key.id, requestBody: {} }));
    expect((await authenticateRequest(withToken(key.secret!), options)).reason).toBe("machine-token-invalid");
    now += 61_000;
    expect((await authenticateRequest(withToken(m2m.token!), options)).reason).toBe("machine-token-invalid");
  });
});
