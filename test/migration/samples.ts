// One sample call per row of the migration map (scripts/migration/map.ts): the
// @clerk/backend method as an app calls it, and the clerk-fn calls that must send the
// same requests. Rows the map calls "not in the API" give the route @clerk/backend uses.
import type { ClerkClient } from "@clerk/backend";
import type * as funcs from "../../src/funcs/index.js";
import type { FunctionName } from "../../scripts/migration/map.js";

type RequestOf<K extends FunctionName> = Parameters<(typeof funcs)[K]>[1];
export interface Call {
  readonly fn: FunctionName;
  readonly request: unknown;
}
export type Backend = (b: ClerkClient) => Promise<unknown>;
/** One call of the @clerk/backend method, and the clerk-fn calls that send the same requests. */
export type Sample =
  | { readonly backend: Backend; readonly calls: readonly Call[] }
  | { readonly backend: Backend; readonly route: string };

const call = <K extends FunctionName>(fn: K, request: RequestOf<K>): Call => ({ fn, request });
const sample = (backend: Backend, ...calls: Call[]): Sample => ({ backend, calls });
/** A method the map says is not in the API: the route it sends to, as a template. */
const absent = (backend: Backend, route: string): Sample => ({ backend, route });

// The API checks the format of these ids.
const USER_ID = "user_2abcdefghijklmnopqrstuvwxyz";
const API_KEY_ID = "ak_0123456789abcdef0123456789abcdef";
const MACHINE_ID = "mch_2abcdefghijklmnopqrstuvwxyz";
const M2M_TOKEN_ID = "mt_0123456789abcdef0123456789abcdef";
const IMAGE = new Blob(["png"], { type: "image/png" });
const MAILBOX = { address: "team@example.com" };
const TRIAL_END = new Date("2030-01-02T03:04:05Z");

export const samples: Record<string, Sample[]> = {
  "__experimental_accountlessApplications.createAccountlessApplication": [
    absent(
      (b) => b.__experimental_accountlessApplications.createAccountlessApplication(),
      "POST /accountless_applications",
    ),
  ],
  "__experimental_accountlessApplications.completeAccountlessApplicationOnboarding": [
    absent(
      (b) => b.__experimental_accountlessApplications.completeAccountlessApplicationOnboarding(),
      "POST /accountless_applications/complete",
    ),
  ],
  "actorTokens.create": [
    sample(
      (b) => b.actorTokens.create({ userId: "user_1", actor: { sub: "user_2" }, expiresInSeconds: 600 }),
      call("actorTokensCreate", { requestBody: { userId: "user_1", actor: { sub: "user_2" }, expiresInSeconds: 600 } }),
    ),
  ],
  "actorTokens.revoke": [
    sample((b) => b.actorTokens.revoke("act_1"), call("actorTokensRevoke", { actorTokenId: "act_1" })),
  ],
  "agentTasks.create": [
    sample(
      (b) =>
        b.agentTasks.create({
          onBehalfOf: { userId: "user_1" },
          permissions: "*",
          agentName: "bot",
          taskDescription: "t",
          redirectUrl: "https://example.com",
        }),
      call("agentTasksCreate", {
        requestBody: {
          onBehalfOf: { userId: "user_1" },
          permissions: "*",
          agentName: "bot",
          taskDescription: "t",
          redirectUrl: "https://example.com",
        },
      }),
    ),
  ],
  "agentTasks.revoke": [sample((b) => b.agentTasks.revoke("at_1"), call("agentTasksRevoke", { agentTaskId: "at_1" }))],
  "allowlistIdentifiers.getAllowlistIdentifierList": [
    sample(
      (b) => b.allowlistIdentifiers.getAllowlistIdentifierList({ limit: 10, offset: 5 }),
      call("allowlistIdentifiersList", { limit: 10, offset: 5, paginated: true }),
    ),
  ],
  "allowlistIdentifiers.createAllowlistIdentifier": [
    sample(
      (b) => b.allowlistIdentifiers.createAllowlistIdentifier({ identifier: "a@example.com", notify: true }),
      call("allowlistIdentifiersCreate", { requestBody: { identifier: "a@example.com", notify: true } }),
    ),
  ],
  "allowlistIdentifiers.deleteAllowlistIdentifier": [
    sample(
      (b) => b.allowlistIdentifiers.deleteAllowlistIdentifier("alid_1"),
      call("allowlistIdentifiersDelete", { identifierId: "alid_1" }),
    ),
  ],
  "apiKeys.list": [
    sample(
      (b) => b.apiKeys.list({ subject: USER_ID, includeInvalid: true, limit: 10, offset: 5 }),
      call("apiKeysGetApiKeys", { subject: USER_ID, includeInvalid: "true", limit: 10, offset: 5 }),
    ),
  ],
  "apiKeys.create": [
    sample(
      (b) =>
        b.apiKeys.create({
          name: "Build key",
          subject: USER_ID,
          description: "d",
          scopes: ["read"],
          secondsUntilExpiration: 60,
        }),
      call("apiKeysCreateApiKey", {
        requestBody: {
          name: "Build key",
          subject: USER_ID,
          description: "d",
          scopes: ["read"],
          secondsUntilExpiration: 60,
        },
      }),
    ),
  ],
  "apiKeys.get": [sample((b) => b.apiKeys.get(API_KEY_ID), call("apiKeysGetApiKey", { apiKeyID: API_KEY_ID }))],
  "apiKeys.update": [
    sample(
      (b) => b.apiKeys.update({ apiKeyId: API_KEY_ID, subject: USER_ID, description: "d" }),
      call("apiKeysUpdateApiKey", { apiKeyID: API_KEY_ID, requestBody: { subject: USER_ID, description: "d" } }),
    ),
  ],
  "apiKeys.delete": [
    sample((b) => b.apiKeys.delete(API_KEY_ID), call("apiKeysDeleteApiKey", { apiKeyID: API_KEY_ID })),
  ],
  "apiKeys.revoke": [
    sample(
      (b) => b.apiKeys.revoke({ apiKeyId: API_KEY_ID, revocationReason: "leaked" }),
      call("apiKeysRevokeApiKey", { apiKeyID: API_KEY_ID, requestBody: { revocationReason: "leaked" } }),
    ),
  ],
  "apiKeys.getSecret": [
    sample((b) => b.apiKeys.getSecret(API_KEY_ID), call("apiKeysGetApiKeySecret", { apiKeyID: API_KEY_ID })),
  ],
  "apiKeys.verify": [
    sample((b) => b.apiKeys.verify("ak_secret"), call("apiKeysVerifyApiKey", { requestBody: { secret: "ak_secret" } })),
  ],
  "betaFeatures.changeDomain": [
    absent((b) => b.betaFeatures.changeDomain({ homeUrl: "https://example.com" }), "POST /beta_features/change_domain"),
  ],
  "billing.getPlanList": [
    sample(
      (b) => b.billing.getPlanList({ payerType: "user", limit: 10, offset: 5 }),
      call("billingListPlans", { payerType: "user", limit: 10, offset: 5 }),
    ),
  ],
  "billing.cancelSubscriptionItem": [
    sample(
      (b) => b.billing.cancelSubscriptionItem("csi_1", { endNow: true }),
      call("billingCancelSubscriptionItem", { subscriptionItemId: "csi_1", endNow: true }),
    ),
  ],
  "billing.extendSubscriptionItemFreeTrial": [
    sample(
      (b) => b.billing.extendSubscriptionItemFreeTrial("csi_1", { extendTo: TRIAL_END }),
      call("billingExtendSubscriptionItemFreeTrial", {
        subscriptionItemId: "csi_1",
        requestBody: { extendTo: "2030-01-02T03:04:05.000Z" },
      }),
    ),
  ],
  "billing.getOrganizationBillingSubscription": [
    sample(
      (b) => b.billing.getOrganizationBillingSubscription("org_1"),
      call("organizationsGetBillingSubscription", { organizationId: "org_1" }),
    ),
  ],
  "billing.getUserBillingSubscription": [
    sample(
      (b) => b.billing.getUserBillingSubscription("user_1"),
      call("usersGetBillingSubscription", { userId: "user_1" }),
    ),
  ],
  "blocklistIdentifiers.getBlocklistIdentifierList": [
    sample((b) => b.blocklistIdentifiers.getBlocklistIdentifierList(), call("blocklistIdentifiersList", undefined)),
  ],
  "blocklistIdentifiers.createBlocklistIdentifier": [
    sample(
      (b) => b.blocklistIdentifiers.createBlocklistIdentifier({ identifier: "a@example.com" }),
      call("blocklistIdentifiersCreate", { requestBody: { identifier: "a@example.com" } }),
    ),
  ],
  "blocklistIdentifiers.deleteBlocklistIdentifier": [
    sample(
      (b) => b.blocklistIdentifiers.deleteBlocklistIdentifier("blid_1"),
      call("blocklistIdentifiersDelete", { identifierId: "blid_1" }),
    ),
  ],
  "clients.getClientList": [
    sample(
      (b) => b.clients.getClientList({ limit: 10, offset: 5 }),
      call("clientsList", { limit: 10, offset: 5, paginated: true }),
    ),
  ],
  "clients.getClient": [sample((b) => b.clients.getClient("client_1"), call("clientsGet", { clientId: "client_1" }))],
  "clients.verifyClient": [
    sample((b) => b.clients.verifyClient("tok_1"), call("clientsVerify", { requestBody: { token: "tok_1" } })),
  ],
  "clients.getHandshakePayload": [
    absent((b) => b.clients.getHandshakePayload({ nonce: "n_1" }), "GET /clients/handshake_payload"),
  ],
  "domains.list": [sample((b) => b.domains.list(), call("domainsList", undefined))],
  "domains.add": [
    sample(
      (b) => b.domains.add({ name: "example.com", is_satellite: true, proxy_url: "https://proxy.example.com" }),
      call("domainsAdd", {
        requestBody: { name: "example.com", isSatellite: true, proxyUrl: "https://proxy.example.com" },
      }),
    ),
  ],
  "domains.update": [
    sample(
      (b) => b.domains.update({ domainId: "dmn_1", name: "example.org" }),
      call("domainsUpdate", { domainId: "dmn_1", requestBody: { name: "example.org" } }),
    ),
  ],
  "domains.delete": [sample((b) => b.domains.delete("dmn_1"), call("domainsDelete", { domainId: "dmn_1" }))],
  "domains.deleteDomain": [
    sample((b) => b.domains.deleteDomain("dmn_1"), call("domainsDelete", { domainId: "dmn_1" })),
  ],
  "emailAddresses.getEmailAddress": [
    sample((b) => b.emailAddresses.getEmailAddress("idn_1"), call("emailAddressesGet", { emailAddressId: "idn_1" })),
  ],
  "emailAddresses.createEmailAddress": [
    sample(
      (b) =>
        b.emailAddresses.createEmailAddress({
          userId: "user_1",
          emailAddress: "a@example.com",
          verified: true,
          primary: true,
        }),
      call("emailAddressesCreate", {
        requestBody: { userId: "user_1", emailAddress: "a@example.com", verified: true, primary: true },
      }),
    ),
  ],
  "emailAddresses.updateEmailAddress": [
    sample(
      (b) => b.emailAddresses.updateEmailAddress("idn_1", { verified: true, primary: false }),
      call("emailAddressesUpdate", { emailAddressId: "idn_1", requestBody: { verified: true, primary: false } }),
    ),
  ],
  "emailAddresses.deleteEmailAddress": [
    sample(
      (b) => b.emailAddresses.deleteEmailAddress("idn_1"),
      call("emailAddressesDelete", { emailAddressId: "idn_1" }),
    ),
  ],
  "emails.create": [
    absent(
      (b) => b.emails.create({ to: { userId: "user_1" }, from: MAILBOX, subject: "s", text: "hello" }),
      "POST /email",
    ),
  ],
  "emails.createBatch": [
    absent(
      (b) => b.emails.createBatch([{ to: { userId: "user_1" }, from: MAILBOX, subject: "s", text: "hello" }]),
      "POST /email/batch",
    ),
  ],
  "emails.get": [absent((b) => b.emails.get("em_1"), "GET /email/{email_id}")],
  "enterpriseConnections.createEnterpriseConnection": [
    sample(
      (b) =>
        b.enterpriseConnections.createEnterpriseConnection({
          name: "c",
          domains: ["example.com"],
          provider: "saml_custom",
        }),
      call("enterpriseConnectionsCreate", {
        requestBody: { name: "c", domains: ["example.com"], provider: "saml_custom" },
      }),
    ),
  ],
  "enterpriseConnections.updateEnterpriseConnection": [
    sample(
      (b) => b.enterpriseConnections.updateEnterpriseConnection("ec_1", { name: "c2" }),
      call("enterpriseConnectionsUpdate", { enterpriseConnectionId: "ec_1", requestBody: { name: "c2" } }),
    ),
  ],
  "enterpriseConnections.getEnterpriseConnectionList": [
    sample(
      (b) => b.enterpriseConnections.getEnterpriseConnectionList({ limit: 10, offset: 5 }),
      call("enterpriseConnectionsList", { limit: 10, offset: 5 }),
    ),
  ],
  "enterpriseConnections.getEnterpriseConnection": [
    sample(
      (b) => b.enterpriseConnections.getEnterpriseConnection("ec_1"),
      call("enterpriseConnectionsGet", { enterpriseConnectionId: "ec_1" }),
    ),
  ],
  "enterpriseConnections.deleteEnterpriseConnection": [
    sample(
      (b) => b.enterpriseConnections.deleteEnterpriseConnection("ec_1"),
      call("enterpriseConnectionsDelete", { enterpriseConnectionId: "ec_1" }),
    ),
  ],
  "idPOAuthAccessToken.verify": [
    sample(
      (b) => b.idPOAuthAccessToken.verify("oat_1"),
      call("oauthAccessTokensVerify", { requestBody: { accessToken: "oat_1" } }),
    ),
  ],
  "instance.get": [sample((b) => b.instance.get(), call("instanceSettingsGet", undefined))],
  "instance.update": [
    sample(
      (b) => b.instance.update({ testMode: true, hibp: false }),
      call("instanceSettingsUpdate", { requestBody: { testMode: true, hibp: false } }),
    ),
  ],
  "instance.updateRestrictions": [
    sample(
      (b) => b.instance.updateRestrictions({ allowlist: true }),
      call("instanceSettingsUpdateRestrictions", { requestBody: { allowlist: true } }),
    ),
  ],
  "instance.getOrganizationSettings": [
    sample((b) => b.instance.getOrganizationSettings(), call("instanceSettingsGetOrganizationSettings", undefined)),
  ],
  "instance.updateOrganizationSettings": [
    sample(
      (b) => b.instance.updateOrganizationSettings({ enabled: true, maxAllowedMemberships: 5 }),
      call("instanceSettingsUpdateOrganizationSettings", { requestBody: { enabled: true, maxAllowedMemberships: 5 } }),
    ),
  ],
  "invitations.getInvitationList": [
    sample(
      (b) => b.invitations.getInvitationList({ status: "pending", limit: 10, offset: 5 }),
      call("invitationsList", { status: "pending", limit: 10, offset: 5, paginated: true }),
    ),
  ],
  "invitations.createInvitation": [
    sample(
      (b) =>
        b.invitations.createInvitation({
          emailAddress: "a@example.com",
          redirectUrl: "https://example.com",
          publicMetadata: { plan: "pro" },
        }),
      call("invitationsCreate", {
        requestBody: {
          emailAddress: "a@example.com",
          redirectUrl: "https://example.com",
          publicMetadata: { plan: "pro" },
        },
      }),
    ),
  ],
  "invitations.createInvitationBulk": [
    sample(
      (b) => b.invitations.createInvitationBulk([{ emailAddress: "a@example.com" }, { emailAddress: "b@example.com" }]),
      call("invitationsBulkCreate", {
        requestBody: [{ emailAddress: "a@example.com" }, { emailAddress: "b@example.com" }],
      }),
    ),
  ],
  "invitations.revokeInvitation": [
    sample((b) => b.invitations.revokeInvitation("inv_1"), call("invitationsRevoke", { invitationId: "inv_1" })),
  ],
  "invitations.deleteInvitation": [
    absent((b) => b.invitations.deleteInvitation("inv_1"), "DELETE /invitations/{invitation_id}"),
  ],
  "jwks.getJwks": [sample((b) => b.jwks.getJwks(), call("jwksGetJWKS", undefined))],
  "jwtTemplates.list": [
    sample(
      (b) => b.jwtTemplates.list({ limit: 10, offset: 5 }),
      call("jwtTemplatesList", { limit: 10, offset: 5, paginated: true }),
    ),
  ],
  "jwtTemplates.get": [sample((b) => b.jwtTemplates.get("jtmp_1"), call("jwtTemplatesGet", { templateId: "jtmp_1" }))],
  "jwtTemplates.create": [
    sample(
      (b) => b.jwtTemplates.create({ name: "t", claims: { a: 1 }, lifetime: 60 }),
      call("jwtTemplatesCreate", { requestBody: { name: "t", claims: { a: 1 }, lifetime: 60 } }),
    ),
  ],
  "jwtTemplates.update": [
    sample(
      (b) => b.jwtTemplates.update({ templateId: "jtmp_1", name: "t", claims: { a: 1 } }),
      call("jwtTemplatesUpdate", { templateId: "jtmp_1", requestBody: { name: "t", claims: { a: 1 } } }),
    ),
  ],
  "jwtTemplates.delete": [
    sample((b) => b.jwtTemplates.delete("jtmp_1"), call("jwtTemplatesDelete", { templateId: "jtmp_1" })),
  ],
  "machines.get": [sample((b) => b.machines.get("mch_1"), call("machinesGet", { machineId: "mch_1" }))],
  "machines.list": [
    sample(
      (b) => b.machines.list({ limit: 10, offset: 5, query: "q" }),
      call("machinesList", { limit: 10, offset: 5, query: "q" }),
    ),
  ],
  "machines.create": [
    sample(
      (b) => b.machines.create({ name: "m", defaultTokenTtl: 60 }),
      call("machinesCreate", { requestBody: { name: "m", defaultTokenTtl: 60 } }),
    ),
  ],
  "machines.update": [
    sample(
      (b) => b.machines.update({ machineId: "mch_1", name: "m2" }),
      call("machinesUpdate", { machineId: "mch_1", requestBody: { name: "m2" } }),
    ),
  ],
  "machines.delete": [sample((b) => b.machines.delete("mch_1"), call("machinesDelete", { machineId: "mch_1" }))],
  "machines.getSecretKey": [
    sample((b) => b.machines.getSecretKey("mch_1"), call("machinesGetSecretKey", { machineId: "mch_1" })),
  ],
  "machines.rotateSecretKey": [
    sample(
      (b) => b.machines.rotateSecretKey({ machineId: "mch_1", previousTokenTtl: 30 }),
      call("machinesRotateSecretKey", { machineId: "mch_1", requestBody: { previousTokenTtl: 30 } }),
    ),
  ],
  "machines.createScope": [
    sample(
      (b) => b.machines.createScope("mch_1", "mch_2"),
      call("machinesCreateScope", { machineId: "mch_1", requestBody: { toMachineId: "mch_2" } }),
    ),
  ],
  "machines.deleteScope": [
    sample(
      (b) => b.machines.deleteScope("mch_1", "mch_2"),
      call("machinesDeleteScope", { machineId: "mch_1", otherMachineId: "mch_2" }),
    ),
  ],
  "m2m.list": [
    sample(
      (b) => b.m2m.list({ subject: MACHINE_ID, revoked: true, limit: 10, offset: 5 }),
      call("m2mListTokens", { subject: MACHINE_ID, revoked: true, limit: 10, offset: 5 }),
    ),
  ],
  "m2m.createToken": [
    sample(
      (b) => b.m2m.createToken({ secondsUntilExpiration: 60, claims: { a: 1 } }),
      call("m2mCreateToken", { requestBody: { secondsUntilExpiration: 60, claims: { a: 1 }, tokenFormat: "opaque" } }),
    ),
  ],
  "m2m.revokeToken": [
    sample(
      (b) => b.m2m.revokeToken({ m2mTokenId: M2M_TOKEN_ID, revocationReason: "r" }),
      call("m2mRevokeToken", { m2mTokenId: M2M_TOKEN_ID, requestBody: { revocationReason: "r" } }),
    ),
  ],
  "m2m.verify": [
    sample(
      (b) => b.m2m.verify({ token: "mt_secret" }),
      call("m2mVerifyToken", { requestBody: { token: "mt_secret" } }),
    ),
  ],
  "oauthApplications.list": [
    sample(
      (b) => b.oauthApplications.list({ limit: 10, offset: 5 }),
      call("oauthApplicationsList", { limit: 10, offset: 5 }),
    ),
  ],
  "oauthApplications.get": [
    sample((b) => b.oauthApplications.get("oa_1"), call("oauthApplicationsGet", { oauthApplicationId: "oa_1" })),
  ],
  "oauthApplications.create": [
    sample(
      (b) => b.oauthApplications.create({ name: "app", redirectUris: ["https://example.com/cb"], public: true }),
      call("oauthApplicationsCreate", {
        requestBody: { name: "app", redirectUris: ["https://example.com/cb"], public: true },
      }),
    ),
  ],
  "oauthApplications.update": [
    sample(
      (b) => b.oauthApplications.update({ oauthApplicationId: "oa_1", name: "app2" }),
      call("oauthApplicationsUpdate", { oauthApplicationId: "oa_1", requestBody: { name: "app2" } }),
    ),
  ],
  "oauthApplications.delete": [
    sample((b) => b.oauthApplications.delete("oa_1"), call("oauthApplicationsDelete", { oauthApplicationId: "oa_1" })),
  ],
  "oauthApplications.rotateSecret": [
    sample(
      (b) => b.oauthApplications.rotateSecret("oa_1"),
      call("oauthApplicationsRotateSecret", { oauthApplicationId: "oa_1" }),
    ),
  ],
  "oauthApplications.revokeToken": [
    sample(
      (b) => b.oauthApplications.revokeToken({ oauthApplicationId: "oa_1", token: "tok" }),
      call("oauthApplicationsRevokeToken", { oauthApplicationId: "oa_1", requestBody: { token: "tok" } }),
    ),
  ],
  "organizations.getOrganizationList": [
    sample(
      (b) => b.organizations.getOrganizationList({ query: "q", limit: 10, offset: 5, includeMembersCount: true }),
      call("organizationsList", { query: "q", limit: 10, offset: 5, includeMembersCount: true }),
    ),
  ],
  "organizations.createOrganization": [
    sample(
      (b) =>
        b.organizations.createOrganization({ name: "Org", slug: "org", createdBy: "user_1", publicMetadata: { a: 1 } }),
      call("organizationsCreate", {
        requestBody: { name: "Org", slug: "org", createdBy: "user_1", publicMetadata: { a: 1 } },
      }),
    ),
  ],
  "organizations.getOrganization": [
    sample(
      (b) => b.organizations.getOrganization({ organizationId: "org_1", includeMembersCount: true }),
      call("organizationsGet", { organizationId: "org_1", includeMembersCount: true }),
    ),
    sample(
      (b) => b.organizations.getOrganization({ slug: "acme" }),
      call("organizationsGet", { organizationId: "acme" }),
    ),
  ],
  "organizations.updateOrganization": [
    sample(
      (b) => b.organizations.updateOrganization("org_1", { name: "Org 2", adminDeleteEnabled: true }),
      call("organizationsUpdate", {
        organizationId: "org_1",
        requestBody: { name: "Org 2", adminDeleteEnabled: true },
      }),
    ),
  ],
  "organizations.updateOrganizationLogo": [
    sample(
      (b) => b.organizations.updateOrganizationLogo("org_1", { file: IMAGE, uploaderUserId: "user_1" }),
      call("organizationsUploadLogo", {
        organizationId: "org_1",
        requestBody: { file: IMAGE, uploaderUserId: "user_1" },
      }),
    ),
  ],
  "organizations.deleteOrganizationLogo": [
    sample(
      (b) => b.organizations.deleteOrganizationLogo("org_1"),
      call("organizationsDeleteLogo", { organizationId: "org_1" }),
    ),
  ],
  "organizations.updateOrganizationMetadata": [
    sample(
      (b) => b.organizations.updateOrganizationMetadata("org_1", { publicMetadata: { a: 1 } }),
      call("organizationsMergeMetadata", { organizationId: "org_1", requestBody: { publicMetadata: { a: 1 } } }),
    ),
  ],
  "organizations.replaceOrganizationMetadata": [
    sample(
      (b) => b.organizations.replaceOrganizationMetadata("org_1", { publicMetadata: { a: 1 } }),
      call("organizationsReplaceMetadata", { organizationId: "org_1", requestBody: { publicMetadata: { a: 1 } } }),
    ),
  ],
  "organizations.deleteOrganization": [
    sample(
      (b) => b.organizations.deleteOrganization("org_1"),
      call("organizationsDelete", { organizationId: "org_1" }),
    ),
  ],
  "organizations.getOrganizationMembershipList": [
    sample(
      (b) => b.organizations.getOrganizationMembershipList({ organizationId: "org_1", limit: 10, offset: 5 }),
      call("organizationMembershipsList", { organizationId: "org_1", limit: 10, offset: 5 }),
    ),
  ],
  "organizations.getInstanceOrganizationMembershipList": [
    sample(
      (b) => b.organizations.getInstanceOrganizationMembershipList({ limit: 10, offset: 5 }),
      call("usersGetInstanceOrganizationMemberships", { limit: 10, offset: 5 }),
    ),
  ],
  "organizations.createOrganizationMembership": [
    sample(
      (b) =>
        b.organizations.createOrganizationMembership({ organizationId: "org_1", userId: "user_1", role: "org:member" }),
      call("organizationMembershipsCreate", {
        organizationId: "org_1",
        requestBody: { userId: "user_1", role: "org:member" },
      }),
    ),
  ],
  "organizations.updateOrganizationMembership": [
    sample(
      (b) =>
        b.organizations.updateOrganizationMembership({ organizationId: "org_1", userId: "user_1", role: "org:admin" }),
      call("organizationMembershipsUpdate", {
        organizationId: "org_1",
        userId: "user_1",
        requestBody: { role: "org:admin" },
      }),
    ),
  ],
  "organizations.updateOrganizationMembershipMetadata": [
    sample(
      (b) =>
        b.organizations.updateOrganizationMembershipMetadata({
          organizationId: "org_1",
          userId: "user_1",
          publicMetadata: { a: 1 },
        }),
      call("organizationMembershipsUpdateMetadata", {
        organizationId: "org_1",
        userId: "user_1",
        requestBody: { publicMetadata: { a: 1 } },
      }),
    ),
  ],
  "organizations.deleteOrganizationMembership": [
    sample(
      (b) => b.organizations.deleteOrganizationMembership({ organizationId: "org_1", userId: "user_1" }),
      call("organizationMembershipsDelete", { organizationId: "org_1", userId: "user_1" }),
    ),
  ],
  "organizations.getOrganizationInvitationList": [
    sample(
      (b) =>
        b.organizations.getOrganizationInvitationList({
          organizationId: "org_1",
          status: ["pending"],
          limit: 10,
          offset: 5,
        }),
      call("organizationInvitationsList", { organizationId: "org_1", status: "pending", limit: 10, offset: 5 }),
    ),
  ],
  "organizations.createOrganizationInvitation": [
    sample(
      (b) =>
        b.organizations.createOrganizationInvitation({
          organizationId: "org_1",
          emailAddress: "a@example.com",
          role: "org:member",
          inviterUserId: "user_1",
        }),
      call("organizationInvitationsCreate", {
        organizationId: "org_1",
        requestBody: { emailAddress: "a@example.com", role: "org:member", inviterUserId: "user_1" },
      }),
    ),
  ],
  "organizations.createOrganizationInvitationBulk": [
    sample(
      (b) =>
        b.organizations.createOrganizationInvitationBulk("org_1", [
          { emailAddress: "a@example.com", role: "org:member" },
        ]),
      call("organizationInvitationsBulkCreate", {
        organizationId: "org_1",
        requestBody: [{ emailAddress: "a@example.com", role: "org:member" }],
      }),
    ),
  ],
  "organizations.getOrganizationInvitation": [
    sample(
      (b) => b.organizations.getOrganizationInvitation({ organizationId: "org_1", invitationId: "orginv_1" }),
      call("organizationInvitationsGet", { organizationId: "org_1", invitationId: "orginv_1" }),
    ),
  ],
  "organizations.revokeOrganizationInvitation": [
    sample(
      (b) =>
        b.organizations.revokeOrganizationInvitation({
          organizationId: "org_1",
          invitationId: "orginv_1",
          requestingUserId: "user_1",
        }),
      call("organizationInvitationsRevoke", {
        organizationId: "org_1",
        invitationId: "orginv_1",
        requestBody: { requestingUserId: "user_1" },
      }),
    ),
  ],
  "organizations.getOrganizationDomainList": [
    sample(
      (b) => b.organizations.getOrganizationDomainList({ organizationId: "org_1", limit: 10, offset: 5 }),
      call("organizationDomainsList", { organizationId: "org_1", limit: 10, offset: 5 }),
    ),
  ],
  "organizations.createOrganizationDomain": [
    sample(
      (b) =>
        b.organizations.createOrganizationDomain({
          organizationId: "org_1",
          name: "example.com",
          enrollmentMode: "automatic_invitation",
          verified: true,
        }),
      call("organizationDomainsCreate", {
        organizationId: "org_1",
        requestBody: { name: "example.com", enrollmentMode: "automatic_invitation", verified: true },
      }),
    ),
  ],
  "organizations.updateOrganizationDomain": [
    sample(
      (b) =>
        b.organizations.updateOrganizationDomain({
          organizationId: "org_1",
          domainId: "orgdmn_1",
          enrollmentMode: "manual_invitation",
        }),
      call("organizationDomainsUpdate", {
        organizationId: "org_1",
        domainId: "orgdmn_1",
        requestBody: { enrollmentMode: "manual_invitation" },
      }),
    ),
  ],
  "organizations.deleteOrganizationDomain": [
    sample(
      (b) => b.organizations.deleteOrganizationDomain({ organizationId: "org_1", domainId: "orgdmn_1" }),
      call("organizationDomainsDelete", { organizationId: "org_1", domainId: "orgdmn_1" }),
    ),
  ],
  "organizationPermissions.getOrganizationPermissionList": [
    sample(
      (b) => b.organizationPermissions.getOrganizationPermissionList({ limit: 10, offset: 5 }),
      call("organizationPermissionsList", { limit: 10, offset: 5 }),
    ),
  ],
  "organizationPermissions.getOrganizationPermission": [
    sample(
      (b) => b.organizationPermissions.getOrganizationPermission("perm_1"),
      call("organizationPermissionsGet", { permissionId: "perm_1" }),
    ),
  ],
  "organizationPermissions.createOrganizationPermission": [
    sample(
      (b) =>
        b.organizationPermissions.createOrganizationPermission({
          name: "Read",
          key: "org:items:read",
          description: "d",
        }),
      call("organizationPermissionsCreate", { requestBody: { name: "Read", key: "org:items:read", description: "d" } }),
    ),
  ],
  "organizationPermissions.updateOrganizationPermission": [
    sample(
      (b) => b.organizationPermissions.updateOrganizationPermission({ permissionId: "perm_1", name: "Read 2" }),
      call("organizationPermissionsUpdate", { permissionId: "perm_1", requestBody: { name: "Read 2" } }),
    ),
  ],
  "organizationPermissions.deleteOrganizationPermission": [
    sample(
      (b) => b.organizationPermissions.deleteOrganizationPermission("perm_1"),
      call("organizationPermissionsDelete", { permissionId: "perm_1" }),
    ),
  ],
  "organizationRoles.getOrganizationRoleList": [
    sample(
      (b) => b.organizationRoles.getOrganizationRoleList({ limit: 10, offset: 5 }),
      call("organizationRolesList", { limit: 10, offset: 5 }),
    ),
  ],
  "organizationRoles.getOrganizationRole": [
    sample(
      (b) => b.organizationRoles.getOrganizationRole("role_1"),
      call("organizationRolesGet", { organizationRoleId: "role_1" }),
    ),
  ],
  "organizationRoles.createOrganizationRole": [
    sample(
      (b) =>
        b.organizationRoles.createOrganizationRole({
          name: "Editor",
          key: "org:editor",
          description: "d",
          permissions: ["org:items:read"],
        }),
      call("organizationRolesCreate", {
        requestBody: { name: "Editor", key: "org:editor", description: "d", permissions: ["org:items:read"] },
      }),
    ),
  ],
  "organizationRoles.updateOrganizationRole": [
    sample(
      (b) => b.organizationRoles.updateOrganizationRole({ organizationRoleId: "role_1", name: "Editor 2" }),
      call("organizationRolesUpdate", { organizationRoleId: "role_1", requestBody: { name: "Editor 2" } }),
    ),
  ],
  "organizationRoles.deleteOrganizationRole": [
    sample(
      (b) => b.organizationRoles.deleteOrganizationRole("role_1"),
      call("organizationRolesDelete", { organizationRoleId: "role_1" }),
    ),
  ],
  "organizationRoles.assignPermissionToOrganizationRole": [
    sample(
      (b) =>
        b.organizationRoles.assignPermissionToOrganizationRole({
          organizationRoleId: "role_1",
          permissionId: "perm_1",
        }),
      call("organizationRolesAssignPermission", { organizationRoleId: "role_1", permissionId: "perm_1" }),
    ),
  ],
  "organizationRoles.removePermissionFromOrganizationRole": [
    sample(
      (b) =>
        b.organizationRoles.removePermissionFromOrganizationRole({
          organizationRoleId: "role_1",
          permissionId: "perm_1",
        }),
      call("organizationRolesRemovePermission", { organizationRoleId: "role_1", permissionId: "perm_1" }),
    ),
  ],
  "phoneNumbers.getPhoneNumber": [
    sample((b) => b.phoneNumbers.getPhoneNumber("idn_1"), call("phoneNumbersGet", { phoneNumberId: "idn_1" })),
  ],
  "phoneNumbers.createPhoneNumber": [
    sample(
      (b) => b.phoneNumbers.createPhoneNumber({ userId: "user_1", phoneNumber: "+15555550100", verified: true }),
      call("phoneNumbersCreate", { requestBody: { userId: "user_1", phoneNumber: "+15555550100", verified: true } }),
    ),
  ],
  "phoneNumbers.updatePhoneNumber": [
    sample(
      (b) => b.phoneNumbers.updatePhoneNumber("idn_1", { verified: true }),
      call("phoneNumbersUpdate", { phoneNumberId: "idn_1", requestBody: { verified: true } }),
    ),
  ],
  "phoneNumbers.deletePhoneNumber": [
    sample((b) => b.phoneNumbers.deletePhoneNumber("idn_1"), call("phoneNumbersDelete", { phoneNumberId: "idn_1" })),
  ],
  "proxyChecks.verify": [
    sample(
      (b) => b.proxyChecks.verify({ domainId: "dmn_1", proxyUrl: "https://example.com/__clerk" }),
      call("proxyChecksVerify", { requestBody: { domainId: "dmn_1", proxyUrl: "https://example.com/__clerk" } }),
    ),
  ],
  "redirectUrls.getRedirectUrlList": [
    sample((b) => b.redirectUrls.getRedirectUrlList(), call("redirectUrlsList", { paginated: true })),
  ],
  "redirectUrls.getRedirectUrl": [
    sample((b) => b.redirectUrls.getRedirectUrl("ru_1"), call("redirectUrlsGet", { id: "ru_1" })),
  ],
  "redirectUrls.createRedirectUrl": [
    sample(
      (b) => b.redirectUrls.createRedirectUrl({ url: "https://example.com" }),
      call("redirectUrlsCreate", { requestBody: { url: "https://example.com" } }),
    ),
  ],
  "redirectUrls.deleteRedirectUrl": [
    sample((b) => b.redirectUrls.deleteRedirectUrl("ru_1"), call("redirectUrlsDelete", { id: "ru_1" })),
  ],
  "roleSets.getRoleSetList": [
    sample((b) => b.roleSets.getRoleSetList({ limit: 10, offset: 5 }), call("roleSetsList", { limit: 10, offset: 5 })),
  ],
  "roleSets.getRoleSet": [
    sample((b) => b.roleSets.getRoleSet("rs_1"), call("roleSetsGet", { roleSetKeyOrId: "rs_1" })),
  ],
  "roleSets.createRoleSet": [
    sample(
      (b) =>
        b.roleSets.createRoleSet({
          name: "Set",
          key: "set",
          roles: ["org:member"],
          defaultRoleKey: "org:member",
          creatorRoleKey: "org:admin",
        }),
      call("roleSetsCreate", {
        requestBody: {
          name: "Set",
          key: "set",
          roles: ["org:member"],
          defaultRoleKey: "org:member",
          creatorRoleKey: "org:admin",
        },
      }),
    ),
  ],
  "roleSets.updateRoleSet": [
    sample(
      (b) => b.roleSets.updateRoleSet({ roleSetKeyOrId: "rs_1", name: "Set 2" }),
      call("roleSetsUpdate", { roleSetKeyOrId: "rs_1", requestBody: { name: "Set 2" } }),
    ),
  ],
  "roleSets.addRolesToRoleSet": [
    sample(
      (b) => b.roleSets.addRolesToRoleSet({ roleSetKeyOrId: "rs_1", roleKeys: ["org:editor"] }),
      call("roleSetsAddRoles", { roleSetKeyOrId: "rs_1", requestBody: { roleKeys: ["org:editor"] } }),
    ),
  ],
  "roleSets.replaceRoleInRoleSet": [
    sample(
      (b) =>
        b.roleSets.replaceRoleInRoleSet({ roleSetKeyOrId: "rs_1", roleKey: "org:editor", toRoleKey: "org:member" }),
      call("roleSetsReplaceRole", {
        roleSetKeyOrId: "rs_1",
        requestBody: { roleKey: "org:editor", toRoleKey: "org:member" },
      }),
    ),
  ],
  "roleSets.replaceRoleSet": [
    sample(
      (b) => b.roleSets.replaceRoleSet({ roleSetKeyOrId: "rs_1", destRoleSetKey: "other" }),
      call("roleSetsReplace", { roleSetKeyOrId: "rs_1", requestBody: { destRoleSetKey: "other" } }),
    ),
  ],
  "samlConnections.getSamlConnectionList": [
    sample(
      (b) => b.samlConnections.getSamlConnectionList({ limit: 10, offset: 5 }),
      call("samlConnectionsList", { limit: 10, offset: 5 }),
    ),
  ],
  "samlConnections.createSamlConnection": [
    sample(
      (b) => b.samlConnections.createSamlConnection({ name: "s", domain: "example.com", provider: "saml_custom" }),
      call("samlConnectionsCreate", { requestBody: { name: "s", domain: "example.com", provider: "saml_custom" } }),
    ),
  ],
  "samlConnections.getSamlConnection": [
    sample(
      (b) => b.samlConnections.getSamlConnection("samlc_1"),
      call("samlConnectionsGet", { samlConnectionId: "samlc_1" }),
    ),
  ],
  "samlConnections.updateSamlConnection": [
    sample(
      (b) => b.samlConnections.updateSamlConnection("samlc_1", { name: "s2" }),
      call("samlConnectionsUpdate", { samlConnectionId: "samlc_1", requestBody: { name: "s2" } }),
    ),
  ],
  "samlConnections.deleteSamlConnection": [
    sample(
      (b) => b.samlConnections.deleteSamlConnection("samlc_1"),
      call("samlConnectionsDelete", { samlConnectionId: "samlc_1" }),
    ),
  ],
  "sessions.getSessionList": [
    sample(
      (b) => b.sessions.getSessionList({ userId: "user_1", status: "active", limit: 10, offset: 5 }),
      call("sessionsList", { userId: "user_1", status: "active", limit: 10, offset: 5, paginated: true }),
    ),
  ],
  "sessions.getSession": [sample((b) => b.sessions.getSession("sess_1"), call("sessionsGet", { sessionId: "sess_1" }))],
  "sessions.createSession": [
    sample(
      (b) => b.sessions.createSession({ userId: "user_1" }),
      call("sessionsCreate", { requestBody: { userId: "user_1" } }),
    ),
  ],
  "sessions.revokeSession": [
    sample((b) => b.sessions.revokeSession("sess_1"), call("sessionsRevoke", { sessionId: "sess_1" })),
  ],
  "sessions.verifySession": [
    absent((b) => b.sessions.verifySession("sess_1", "tok_1"), "POST /sessions/{session_id}/verify"),
  ],
  "sessions.getToken": [
    sample((b) => b.sessions.getToken("sess_1"), call("sessionsCreateToken", { sessionId: "sess_1" })),
    sample(
      (b) => b.sessions.getToken("sess_1", "supabase", 120),
      call("sessionsCreateTokenFromTemplate", {
        sessionId: "sess_1",
        templateName: "supabase",
        requestBody: { expiresInSeconds: 120 },
      }),
    ),
  ],
  "sessions.refreshSession": [
    sample(
      (b) =>
        b.sessions.refreshSession("sess_1", {
          expired_token: "old",
          refresh_token: "r",
          request_origin: "https://example.com",
        }),
      call("sessionsRefresh", {
        sessionId: "sess_1",
        requestBody: { expiredToken: "old", refreshToken: "r", requestOrigin: "https://example.com" },
      }),
    ),
  ],
  "signInTokens.createSignInToken": [
    sample(
      (b) => b.signInTokens.createSignInToken({ userId: "user_1", expiresInSeconds: 600 }),
      call("signInTokensCreate", { requestBody: { userId: "user_1", expiresInSeconds: 600 } }),
    ),
  ],
  "signInTokens.revokeSignInToken": [
    sample((b) => b.signInTokens.revokeSignInToken("sit_1"), call("signInTokensRevoke", { signInTokenId: "sit_1" })),
  ],
  "signUps.get": [sample((b) => b.signUps.get("sua_1"), call("signUpsGet", { id: "sua_1" }))],
  "signUps.update": [
    sample(
      (b) => b.signUps.update({ signUpAttemptId: "sua_1", externalId: "ext_1" }),
      call("signUpsUpdate", { id: "sua_1", requestBody: { externalId: "ext_1" } }),
    ),
  ],
  "testingTokens.createTestingToken": [
    sample((b) => b.testingTokens.createTestingToken(), call("testingTokensCreate", undefined)),
  ],
  "users.getUserList": [
    sample(
      (b) =>
        b.users.getUserList({
          emailAddress: ["a@example.com", "b@example.com"],
          limit: 10,
          offset: 5,
          orderBy: "-created_at",
        }),
      call("usersList", {
        emailAddress: ["a@example.com", "b@example.com"],
        limit: 10,
        offset: 5,
        orderBy: "-created_at",
      }),
      call("usersCount", { emailAddress: ["a@example.com", "b@example.com"] }),
    ),
  ],
  "users.getUser": [sample((b) => b.users.getUser("user_1"), call("usersGet", { userId: "user_1" }))],
  "users.createUser": [
    sample(
      (b) =>
        b.users.createUser({
          emailAddress: ["a@example.com"],
          firstName: "Ada",
          password: "pw-123456789",
          publicMetadata: { plan: "pro" },
        }),
      call("usersCreate", {
        requestBody: {
          emailAddress: ["a@example.com"],
          firstName: "Ada",
          password: "pw-123456789",
          publicMetadata: { plan: "pro" },
        },
      }),
    ),
  ],
  "users.updateUser": [
    sample(
      (b) => b.users.updateUser("user_1", { firstName: "Ada", skipPasswordChecks: true }),
      call("usersUpdate", { userId: "user_1", requestBody: { firstName: "Ada", skipPasswordChecks: true } }),
    ),
  ],
  "users.replaceUserEmailAddress": [
    sample(
      (b) => b.users.replaceUserEmailAddress("user_1", { emailAddress: "a@example.com" }),
      call("emailAddressesReplaceForUser", { userId: "user_1", requestBody: { emailAddress: "a@example.com" } }),
    ),
  ],
  "users.replaceUserPhoneNumber": [
    sample(
      (b) => b.users.replaceUserPhoneNumber("user_1", { phoneNumber: "+15555550100" }),
      call("phoneNumbersReplaceForUser", { userId: "user_1", requestBody: { phoneNumber: "+15555550100" } }),
    ),
  ],
  "users.updateUserProfileImage": [
    sample(
      (b) => b.users.updateUserProfileImage("user_1", { file: IMAGE }),
      call("usersSetProfileImage", { userId: "user_1", requestBody: { file: IMAGE } }),
    ),
  ],
  "users.updateUserMetadata": [
    sample(
      (b) => b.users.updateUserMetadata("user_1", { publicMetadata: { plan: "pro" } }),
      call("usersUpdateMetadata", { userId: "user_1", requestBody: { publicMetadata: { plan: "pro" } } }),
    ),
  ],
  "users.replaceUserMetadata": [
    sample(
      (b) => b.users.replaceUserMetadata("user_1", { publicMetadata: { plan: "pro" } }),
      call("usersReplaceMetadata", { userId: "user_1", requestBody: { publicMetadata: { plan: "pro" } } }),
    ),
  ],
  "users.deleteUser": [sample((b) => b.users.deleteUser("user_1"), call("usersDelete", { userId: "user_1" }))],
  "users.getCount": [sample((b) => b.users.getCount({ query: "ada" }), call("usersCount", { query: "ada" }))],
  "users.getUserOauthAccessToken": [
    sample(
      (b) => b.users.getUserOauthAccessToken("user_1", "google"),
      call("usersGetOAuthAccessToken", { userId: "user_1", provider: "oauth_google", paginated: true }),
    ),
  ],
  "users.disableUserMFA": [
    sample((b) => b.users.disableUserMFA("user_1"), call("usersDisableMfa", { userId: "user_1" })),
  ],
  "users.getOrganizationMembershipList": [
    sample(
      (b) => b.users.getOrganizationMembershipList({ userId: "user_1", limit: 10, offset: 5 }),
      call("usersGetOrganizationMemberships", { userId: "user_1", limit: 10, offset: 5 }),
    ),
  ],
  "users.getOrganizationInvitationList": [
    sample(
      (b) => b.users.getOrganizationInvitationList({ userId: "user_1", status: "pending", limit: 10, offset: 5 }),
      call("usersGetOrganizationInvitations", { userId: "user_1", status: "pending", limit: 10, offset: 5 }),
    ),
  ],
  "users.removePassword": [
    sample((b) => b.users.removePassword("user_1"), call("usersRemovePassword", { userId: "user_1" })),
  ],
  "users.verifyPassword": [
    sample(
      (b) => b.users.verifyPassword({ userId: "user_1", password: "pw" }),
      call("usersVerifyPassword", { userId: "user_1", requestBody: { password: "pw" } }),
    ),
  ],
  "users.verifyTOTP": [
    sample(
      (b) => b.users.verifyTOTP({ userId: "user_1", code: "123456" }),
      call("usersVerifyTotp", { userId: "user_1", requestBody: { code: "123456" } }),
    ),
  ],
  "users.banUser": [sample((b) => b.users.banUser("user_1"), call("usersBan", { userId: "user_1" }))],
  "users.unbanUser": [sample((b) => b.users.unbanUser("user_1"), call("usersUnban", { userId: "user_1" }))],
  "users.lockUser": [sample((b) => b.users.lockUser("user_1"), call("usersLock", { userId: "user_1" }))],
  "users.unlockUser": [sample((b) => b.users.unlockUser("user_1"), call("usersUnlock", { userId: "user_1" }))],
  "users.deleteUserProfileImage": [
    sample((b) => b.users.deleteUserProfileImage("user_1"), call("usersDeleteProfileImage", { userId: "user_1" })),
  ],
  "users.deleteUserPasskey": [
    sample(
      (b) => b.users.deleteUserPasskey({ userId: "user_1", passkeyIdentificationId: "idn_pk" }),
      call("usersDeletePasskey", { userId: "user_1", passkeyIdentificationId: "idn_pk" }),
    ),
  ],
  "users.deleteUserWeb3Wallet": [
    sample(
      (b) => b.users.deleteUserWeb3Wallet({ userId: "user_1", web3WalletIdentificationId: "idn_w3" }),
      call("usersDeleteWeb3Wallet", { userId: "user_1", web3WalletIdentificationId: "idn_w3" }),
    ),
  ],
  "users.deleteUserExternalAccount": [
    sample(
      (b) => b.users.deleteUserExternalAccount({ userId: "user_1", externalAccountId: "eac_1" }),
      call("usersDeleteExternalAccount", { userId: "user_1", externalAccountId: "eac_1" }),
    ),
  ],
  "users.deleteUserBackupCodes": [
    sample((b) => b.users.deleteUserBackupCodes("user_1"), call("usersDeleteBackupCodes", { userId: "user_1" })),
  ],
  "users.deleteUserTOTP": [
    sample((b) => b.users.deleteUserTOTP("user_1"), call("usersDeleteTOTP", { userId: "user_1" })),
  ],
  "users.setPasswordCompromised": [
    sample(
      (b) => b.users.setPasswordCompromised("user_1", { revokeAllSessions: true }),
      call("usersSetPasswordCompromised", { userId: "user_1", requestBody: { revokeAllSessions: true } }),
    ),
  ],
  "users.unsetPasswordCompromised": [
    sample(
      (b) => b.users.unsetPasswordCompromised("user_1"),
      call("usersUnsetPasswordCompromised", { userId: "user_1" }),
    ),
  ],
  "waitlistEntries.list": [
    sample(
      (b) => b.waitlistEntries.list({ query: "q", status: "pending", limit: 10, offset: 5 }),
      call("waitlistEntriesList", { query: "q", status: "pending", limit: 10, offset: 5 }),
    ),
  ],
  "waitlistEntries.create": [
    sample(
      (b) => b.waitlistEntries.create({ emailAddress: "a@example.com", notify: true }),
      call("waitlistEntriesCreate", { requestBody: { emailAddress: "a@example.com", notify: true } }),
    ),
  ],
  "waitlistEntries.createBulk": [
    sample(
      (b) => b.waitlistEntries.createBulk([{ emailAddress: "a@example.com" }]),
      call("waitlistEntriesBulkCreate", { requestBody: [{ emailAddress: "a@example.com" }] }),
    ),
  ],
  "waitlistEntries.invite": [
    sample(
      (b) => b.waitlistEntries.invite("wle_1", { ignoreExisting: true }),
      call("waitlistEntriesInvite", { waitlistEntryId: "wle_1", requestBody: { ignoreExisting: true } }),
    ),
  ],
  "waitlistEntries.reject": [
    sample((b) => b.waitlistEntries.reject("wle_1"), call("waitlistEntriesReject", { waitlistEntryId: "wle_1" })),
  ],
  "waitlistEntries.delete": [
    sample((b) => b.waitlistEntries.delete("wle_1"), call("waitlistEntriesDelete", { waitlistEntryId: "wle_1" })),
  ],
  "webhooks.createSvixApp": [sample((b) => b.webhooks.createSvixApp(), call("webhooksCreateSvixApp", undefined))],
  "webhooks.generateSvixAuthURL": [
    sample((b) => b.webhooks.generateSvixAuthURL(), call("webhooksGenerateSvixAuthURL", undefined)),
  ],
  "webhooks.deleteSvixApp": [sample((b) => b.webhooks.deleteSvixApp(), call("webhooksDeleteSvixApp", undefined))],
};
