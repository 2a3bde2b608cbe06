// Verification codes, clients, one-time tokens, redirect URLs, domains, waitlist entries,
// OAuth applications, organization domains and machine upkeep, through the public clerk-fn
// functions against the fake in-process (every body checked against the spec).
import { describe, expect, it } from "vitest";
import { actorTokensCreate } from "../../src/funcs/actorTokensCreate.js";
import { actorTokensRevoke } from "../../src/funcs/actorTokensRevoke.js";
import { clientsGet } from "../../src/funcs/clientsGet.js";
import { clientsList } from "../../src/funcs/clientsList.js";
import { clientsVerify } from "../../src/funcs/clientsVerify.js";
import { domainsAdd } from "../../src/funcs/domainsAdd.js";
import { domainsDelete } from "../../src/funcs/domainsDelete.js";
import { domainsList } from "../../src/funcs/domainsList.js";
import { domainsUpdate } from "../../src/funcs/domainsUpdate.js";
import { emailAddressesAttemptVerification } from "../../src/funcs/emailAddressesAttemptVerification.js";
import { emailAddressesCreate } from "../../src/funcs/emailAddressesCreate.js";
import { emailAddressesGet } from "../../src/funcs/emailAddressesGet.js";
import { emailAddressesPrepareVerification } from "../../src/funcs/emailAddressesPrepareVerification.js";
import { emailAddressesReplaceForUser } from "../../src/funcs/emailAddressesReplaceForUser.js";
import { invitationsList } from "../../src/funcs/invitationsList.js";
import { machinesCreate } from "../../src/funcs/machinesCreate.js";
import { machinesCreateScope } from "../../src/funcs/machinesCreateScope.js";
import { machinesDelete } from "../../src/funcs/machinesDelete.js";
import { machinesDeleteScope } from "../../src/funcs/machinesDeleteScope.js";
import { machinesGet } from "../../src/funcs/machinesGet.js";
import { machinesGetSecretKey } from "../../src/funcs/machinesGetSecretKey.js";
import { machinesRotateSecretKey } from "../../src/funcs/machinesRotateSecretKey.js";
import { machinesUpdate } from "../../src/funcs/machinesUpdate.js";
import { oauthApplicationsCreate } from "../../src/funcs/oauthApplicationsCreate.js";
import { oauthApplicationsDelete } from "../../src/funcs/oauthApplicationsDelete.js";
import { oauthApplicationsGet } from "../../src/funcs/oauthApplicationsGet.js";
import { oauthApplicationsList } from "../../src/funcs/oauthApplicationsList.js";
import { oauthApplicationsRevokeToken } from "../../src/funcs/oauthApplicationsRevokeToken.js";
import { oauthApplicationsRotateSecret } from "../../src/funcs/oauthApplicationsRotateSecret.js";
import { oauthApplicationsUpdate } from "../../src/funcs/oauthApplicationsUpdate.js";
import { organizationDomainsCreate } from "../../src/funcs/organizationDomainsCreate.js";
import { organizationDomainsDelete } from "../../src/funcs/organizationDomainsDelete.js";
import { organizationDomainsList } from "../../src/funcs/organizationDomainsList.js";
import { organizationDomainsListAll } from "../../src/funcs/organizationDomainsListAll.js";
import { organizationDomainsUpdate } from "../../src/funcs/organizationDomainsUpdate.js";
import { organizationDomainsVerifyOwnership } from "../../src/funcs/organizationDomainsVerifyOwnership.js";
import { phoneNumbersAttemptVerification } from "../../src/funcs/phoneNumbersAttemptVerification.js";
import { phoneNumbersCreate } from "../../src/funcs/phoneNumbersCreate.js";
import { phoneNumbersPrepareVerification } from "../../src/funcs/phoneNumbersPrepareVerification.js";
import { phoneNumbersReplaceForUser } from "../../src/funcs/phoneNumbersReplaceForUser.js";
import { redirectUrlsCreate } from "../../src/funcs/redirectUrlsCreate.js";
import { redirectUrlsDelete } from "../../src/funcs/redirectUrlsDelete.js";
import { redirectUrlsGet } from "../../src/funcs/redirectUrlsGet.js";
import { redirectUrlsList } from "../../src/funcs/redirectUrlsList.js";
import { sessionsCreate } from "../../src/funcs/sessionsCreate.js";
import { sessionsRevoke } from "../../src/funcs/sessionsRevoke.js";
import { signInTokensCreate } from "../../src/funcs/signInTokensCreate.js";
import { signInTokensRevoke } from "../../src/funcs/signInTokensRevoke.js";
import { testingTokensCreate } from "../../src/funcs/testingTokensCreate.js";
import { usersGet } from "../../src/funcs/usersGet.js";
import { waitlistEntriesBulkCreate } from "../../src/funcs/waitlistEntriesBulkCreate.js";
import { waitlistEntriesCreate } from "../../src/funcs/waitlistEntriesCreate.js";
import { waitlistEntriesDelete } from "../../src/funcs/waitlistEntriesDelete.js";
import { waitlistEntriesInvite } from "../../src/funcs/waitlistEntriesInvite.js";
import { waitlistEntriesList } from "../../src/funcs/waitlistEntriesList.js";
import { waitlistEntriesReject } from "../../src/funcs/waitlistEntriesReject.js";
import { harness, useSpecCheck } from "./support/checked.js";
import { clerkErrorOf, unwrapOk } from "./support/results.js";

useSpecCheck("instance-resources.test.ts");

const SEED = {
  users: [{ id: "user_ada", emailAddresses: ["ada@example.com"], phoneNumbers: ["+15555550100"] }],
  organizations: [{ id: "org_acme", name: "Acme", slug: "acme", createdBy: "user_ada" }],
};

describe("email and phone verification", () => {
  it("verifies an unverified address with the test code 424242 after a wrong attempt", async () => {
    const { core } = harness({ seed: SEED });
    const email = unwrapOk(
      await emailAddressesCreate(core, {
        requestBody: { userId: "user_ada", emailAddress: "new@example.com", verified: false },
      }),
    );
    expect(email.verification).toBeNull();
    const prepared = unwrapOk(await emailAddressesPrepareVerification(core, { emailAddressId: email.id ?? "" }));
    expect(prepared).toMatchObject({ status: "unverified", strategy: "email_code", attempts: 0 });
    const attempt = (code: string) =>
      emailAddressesAttemptVerification(core, {
        emailAddressId: email.id ?? "",
        requestBody: { verificationId: prepared.id ?? "", code },
      });
    expect(clerkErrorOf(await attempt("000000")).data.errors[0]?.code).toBe("form_code_incorrect");
    expect(unwrapOk(await attempt("424242"))).toMatchObject({ status: "verified", attempts: 2 });
    expect(unwrapOk(await emailAddressesGet(core, { emailAddressId: email.id ?? "" })).verification).toMatchObject({
      status: "verified",
    });
    expect(
      clerkErrorOf(await emailAddressesPrepareVerification(core, { emailAddressId: email.id ?? "" })).statusCode,
    ).toBe(400);
  });

  it("fails a phone verification after three wrong codes and refuses an expired one", async () => {
    let now = new Date("2026-01-01T00:00:00Z");
    const { core } = harness({ seed: SEED, now: () => now });
    const phone = unwrapOk(
      await phoneNumbersCreate(core, {
        requestBody: { userId: "user_ada", phoneNumber: "+15555550101", verified: false },
      }),
    );
    const prepare = async () =>
      unwrapOk(await phoneNumbersPrepareVerification(core, { phoneNumberId: phone.id ?? "" }));
    const attempt = (verificationId: string, code: string) =>
      phoneNumbersAttemptVerification(core, { phoneNumberId: phone.id ?? "", requestBody: { verificationId, code } });
    const first = await prepare();
    for (let i = 0; i < 3; i++) expect(clerkErrorOf(await attempt(first.id ?? "", "111111")).statusCode).toBe(422);
    expect(clerkErrorOf(await attempt(first.id ?? "", "424242")).data.errors[0]?.code).toBe("verification_failed");
    const second = await prepare();
    now = new Date("2026-01-01T00:11:00Z");
    expect(clerkErrorOf(await attempt(second.id ?? "", "424242")).data.errors[0]?.code).toBe("verification_expired");
    expect(clerkErrorOf(await attempt("ver_unknown", "424242")).statusCode).toBe(404);
  });

  it("replaces a user's primary email address and phone number", async () => {
    const { core } = harness({ seed: SEED });
    const email = unwrapOk(
      await emailAddressesReplaceForUser(core, {
        userId: "user_ada",
        requestBody: { emailAddress: "ada@new.example" },
      }),
    );
    const phone = unwrapOk(
      await phoneNumbersReplaceForUser(core, {
        userId: "user_ada",
        requestBody: { phoneNumber: "+15555550199", identificationStatus: "unverified" },
      }),
    );
    expect(phone.verification).toBeNull();
    const user = unwrapOk(await usersGet(core, { userId: "user_ada" }));
    expect(user.emailAddresses.map((e) => e.emailAddress)).toEqual(["ada@new.example"]);
    expect(user.primaryEmailAddressId).toBe(email.id);
    expect(user.phoneNumbers.map((p) => p.phoneNumber)).toEqual(["+15555550199"]);
  });
});

describe("clients", () => {
  it("shows each session's client, verifies a client token signed by the fake, and 404s an unknown one", async () => {
    const { core, fake } = harness({ seed: SEED });
    const session = unwrapOk(await sessionsCreate(core, { requestBody: { userId: "user_ada" } }));
    const client = unwrapOk(await clientsGet(core, { clientId: session.clientId }));
    expect(client).toMatchObject({ id: session.clientId, sessionIds: [session.id], lastActiveSessionId: session.id });
    const token = await fake.signSessionToken({ userId: "user_ada", claims: { id: session.clientId } });
    expect(unwrapOk(await clientsVerify(core, { requestBody: { token } })).id).toBe(session.clientId);
    expect(clerkErrorOf(await clientsVerify(core, { requestBody: { token: `${token}x` } })).statusCode).toBe(400);
    unwrapOk(await sessionsRevoke(core, { sessionId: session.id }));
    expect(unwrapOk(await clientsGet(core, { clientId: session.clientId })).lastActiveSessionId).toBeNull();
    const listed = unwrapOk(await clientsList(core, {}));
    expect(Array.isArray(listed) ? listed.map((c) => c.id) : []).toEqual([session.clientId]);
    expect(clerkErrorOf(await clientsGet(core, { clientId: "client_missing" })).statusCode).toBe(404);
  });
});

describe("one-time tokens", () => {
  it("creates and revokes sign-in tokens and actor tokens; a second revoke is refused", async () => {
    const { core, fake } = harness({ seed: SEED });
    const signIn = unwrapOk(
      await signInTokensCreate(core, { requestBody: { userId: "user_ada", expiresInSeconds: 600 } }),
    );
    expect(signIn).toMatchObject({ object: "sign_in_token", status: "pending", userId: "user_ada" });
    expect(signIn.url).toContain(encodeURIComponent(signIn.token ?? "?"));
    expect(unwrapOk(await signInTokensRevoke(core, { signInTokenId: signIn.id })).status).toBe("revoked");
    expect(clerkErrorOf(await signInTokensRevoke(core, { signInTokenId: signIn.id })).statusCode).toBe(400);
    expect(clerkErrorOf(await signInTokensCreate(core, { requestBody: { userId: "user_missing" } })).statusCode).toBe(
      404,
    );

    const actor = unwrapOk(
      await actorTokensCreate(core, { requestBody: { userId: "user_ada", actor: { sub: "user_support" } } }),
    );
    expect(actor).toMatchObject({ object: "actor_token", status: "pending", actor: { sub: "user_support" } });
    expect(unwrapOk(await actorTokensRevoke(core, { actorTokenId: actor.id })).status).toBe("revoked");
    const noSub = await fake.fetch(`${fake.serverUrl}/actor_tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.secretKey}`, "content-type": "application/json" },
      body: JSON.stringify({ user_id: "user_ada", actor: {} }),
    });
    expect(noSub.status).toBe(422);
    expect(clerkErrorOf(await actorTokensRevoke(core, { actorTokenId: signIn.id })).statusCode).toBe(404);
  });

  it("makes testing tokens in Clerk's <seconds>-<secret> form, valid for a day", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const { core } = harness({ now: () => now });
    const token = unwrapOk(await testingTokensCreate(core));
    const seconds = now.getTime() / 1000;
    expect(token.token).toMatch(new RegExp(`^${seconds}-[0-9A-Za-z]{43}$`));
    expect(token.expiresAt).toBe(seconds + 86_400);
  });
});

describe("redirect URLs and domains", () => {
  it("creates, lists, reads and deletes redirect URLs; a duplicate or scheme-less URL is refused", async () => {
    const { core } = harness();
    const created = unwrapOk(await redirectUrlsCreate(core, { requestBody: { url: "myapp://oauth-callback" } }));
    expect(
      clerkErrorOf(await redirectUrlsCreate(core, { requestBody: { url: "myapp://oauth-callback" } })).statusCode,
    ).toBe(422);
    expect(clerkErrorOf(await redirectUrlsCreate(core, { requestBody: { url: "not a url" } })).statusCode).toBe(422);
    expect(unwrapOk(await redirectUrlsGet(core, { id: created.id })).url).toBe("myapp://oauth-callback");
    expect(unwrapOk(await redirectUrlsList(core, {})).map((r) => r.id)).toEqual([created.id]);
    expect(unwrapOk(await redirectUrlsDelete(core, { id: created.id })).deleted).toBe(true);
    expect(clerkErrorOf(await redirectUrlsGet(core, { id: created.id })).statusCode).toBe(404);
  });

  it("lists the primary domain, adds, updates and deletes satellites, and protects the primary", async () => {
    const { core } = harness();
    const [primary] = unwrapOk(await domainsList(core)).data;
    expect(primary).toMatchObject({ isSatellite: false });
    const satellite = unwrapOk(await domainsAdd(core, { requestBody: { name: "example.net", isSatellite: true } }));
    expect(satellite.frontendApiUrl).toBe("https://clerk.example.net");
    expect(
      clerkErrorOf(await domainsAdd(core, { requestBody: { name: "example.net", isSatellite: true } })).statusCode,
    ).toBe(422);
    const updated = unwrapOk(
      await domainsUpdate(core, { domainId: satellite.id, requestBody: { proxyUrl: "https://example.net/__clerk" } }),
    );
    expect(updated.proxyUrl).toBe("https://example.net/__clerk");
    expect(clerkErrorOf(await domainsDelete(core, { domainId: primary?.id ?? "" })).statusCode).toBe(403);
    unwrapOk(await domainsDelete(core, { domainId: satellite.id }));
    expect(unwrapOk(await domainsList(core)).totalCount).toBe(1);
  });
});

describe("waitlist entries", () => {
  it("adds entries (one per address), invites one (an invitation is sent) and rejects another", async () => {
    const { core } = harness();
    const first = unwrapOk(await waitlistEntriesCreate(core, { requestBody: { emailAddress: "w1@example.com" } }));
    expect(unwrapOk(await waitlistEntriesCreate(core, { requestBody: { emailAddress: "W1@example.com" } })).id).toBe(
      first.id,
    );
    const bulk = unwrapOk(
      await waitlistEntriesBulkCreate(core, {
        requestBody: [{ emailAddress: "w2@example.com" }, { emailAddress: "w3@example.com" }],
      }),
    );
    expect(bulk.map((e) => e.status)).toEqual(["pending", "pending"]);
    const invited = unwrapOk(await waitlistEntriesInvite(core, { waitlistEntryId: first.id, requestBody: {} }));
    expect(invited.status).toBe("invited");
    expect(invited.invitation).toMatchObject({ emailAddress: "w1@example.com", status: "pending" });
    expect(unwrapOk(await invitationsList(core, {})).map((i) => i.emailAddress)).toEqual(["w1@example.com"]);
    expect(
      clerkErrorOf(await waitlistEntriesInvite(core, { waitlistEntryId: first.id, requestBody: {} })).statusCode,
    ).toBe(409);
    expect(unwrapOk(await waitlistEntriesReject(core, { waitlistEntryId: bulk[0]?.id ?? "" })).status).toBe("rejected");
    const pending = unwrapOk(await waitlistEntriesList(core, { status: "pending" }));
    expect(pending.data.map((e) => e.emailAddress)).toEqual(["w3@example.com"]);
    unwrapOk(await waitlistEntriesDelete(core, { waitlistEntryId: bulk[1]?.id ?? "" }));
    expect(unwrapOk(await waitlistEntriesList(core, {})).totalCount).toBe(2);
  });
});

describe("OAuth applications", () => {
  it("creates (secret shown once), lists, updates, rotates the secret, revokes a token and deletes", async () => {
    const { core, fake } = harness({ seed: SEED });
    const app = unwrapOk(
      await oauthApplicationsCreate(core, {
        requestBody: { name: "Partner", redirectUris: ["https://partner.example/cb"] },
      }),
    );
    expect(app.clientSecret).toMatch(/^[0-9A-Za-z]{32}$/);
    const read = unwrapOk(await oauthApplicationsGet(core, { oauthApplicationId: app.id }));
    expect(read).not.toHaveProperty("clientSecret");
    expect(read.callbackUrl).toBe("https://partner.example/cb");
    const rotated = unwrapOk(await oauthApplicationsRotateSecret(core, { oauthApplicationId: app.id }));
    expect(rotated.clientSecret).not.toBe(app.clientSecret);
    const renamed = unwrapOk(
      await oauthApplicationsUpdate(core, { oauthApplicationId: app.id, requestBody: { name: "Partner 2" } }),
    );
    expect(renamed.name).toBe("Partner 2");
    expect(unwrapOk(await oauthApplicationsList(core, { nameQuery: "partner" })).totalCount).toBe(1);

    const token = fake.issueOAuthAccessToken({ userId: "user_ada", clientId: app.clientId });
    unwrapOk(await oauthApplicationsRevokeToken(core, { oauthApplicationId: app.id, requestBody: { token } }));
    // Read back through the fake directly: the revoked token's verify body is machine-tokens.ts's concern.
    const verify = await fake.fetch(`${fake.serverUrl}/oauth_applications/access_tokens/verify`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.secretKey}`, "content-type": "application/json" },
      body: JSON.stringify({ access_token: token }),
    });
    expect(await verify.json()).toMatchObject({ revoked: true });

    unwrapOk(await oauthApplicationsDelete(core, { oauthApplicationId: app.id }));
    expect(clerkErrorOf(await oauthApplicationsGet(core, { oauthApplicationId: app.id })).statusCode).toBe(404);
  });
});

describe("organization domains", () => {
  it("adds a domain to an organization, filters, updates, verifies ownership and deletes it", async () => {
    const { core } = harness({ seed: SEED });
    const domain = unwrapOk(
      await organizationDomainsCreate(core, {
        organizationId: "org_acme",
        requestBody: { name: "acme.test", enrollmentMode: "automatic_invitation", verified: false },
      }),
    );
    expect(domain).toMatchObject({ name: "acme.test", verification: null, publicOrganizationData: { slug: "acme" } });
    expect(
      clerkErrorOf(
        await organizationDomainsCreate(core, { organizationId: "org_acme", requestBody: { name: "acme.test" } }),
      ).statusCode,
    ).toBe(422);
    expect(
      unwrapOk(await organizationDomainsList(core, { organizationId: "org_acme", verified: "true" })).totalCount,
    ).toBe(0);
    const verified = unwrapOk(
      await organizationDomainsVerifyOwnership(core, { organizationId: "org_acme", domainId: domain.id }),
    );
    expect(verified.verification).toMatchObject({ status: "verified" });
    const updated = unwrapOk(
      await organizationDomainsUpdate(core, {
        organizationId: "org_acme",
        domainId: domain.id,
        requestBody: { enrollmentMode: "manual_invitation" },
      }),
    );
    expect(updated.enrollmentMode).toBe("manual_invitation");
    expect(
      unwrapOk(await organizationDomainsListAll(core, { organizationId: "org_acme" })).data.map((d) => d.id),
    ).toEqual([domain.id]);
    unwrapOk(await organizationDomainsDelete(core, { organizationId: "org_acme", domainId: domain.id }));
    expect(unwrapOk(await organizationDomainsListAll(core, {})).totalCount).toBe(0);
  });
});

describe("machines", () => {
  it("renames, rotates the secret (the old one stops working), scopes and deletes machines", async () => {
    const { core } = harness();
    const a = unwrapOk(await machinesCreate(core, { requestBody: { name: "worker" } }));
    const b = unwrapOk(await machinesCreate(core, { requestBody: { name: "api" } }));
    expect(unwrapOk(await machinesUpdate(core, { machineId: a.id, requestBody: { name: "worker-2" } })).name).toBe(
      "worker-2",
    );
    const before = unwrapOk(await machinesGetSecretKey(core, { machineId: a.id })).secret;
    const after = unwrapOk(
      await machinesRotateSecretKey(core, { machineId: a.id, requestBody: { previousTokenTtl: 0 } }),
    ).secret;
    expect(after).not.toBe(before);
    expect(unwrapOk(await machinesGetSecretKey(core, { machineId: a.id })).secret).toBe(after);
    const scope = unwrapOk(await machinesCreateScope(core, { machineId: a.id, requestBody: { toMachineId: b.id } }));
    expect(scope).toMatchObject({ fromMachineId: a.id, toMachineId: b.id });
    expect(
      clerkErrorOf(await machinesCreateScope(core, { machineId: a.id, requestBody: { toMachineId: b.id } })).statusCode,
    ).toBe(409);
    expect(unwrapOk(await machinesGet(core, { machineId: a.id })).scopedMachines.map((m) => m.id)).toEqual([b.id]);
    unwrapOk(await machinesDeleteScope(core, { machineId: a.id, otherMachineId: b.id }));
    unwrapOk(await machinesCreateScope(core, { machineId: a.id, requestBody: { toMachineId: b.id } }));
    unwrapOk(await machinesDelete(core, { machineId: b.id }));
    expect(unwrapOk(await machinesGet(core, { machineId: a.id })).scopedMachines).toEqual([]);
  });
});
