// The one mapping file of docs/migrating-from-clerk-backend.md: every method of
// @clerk/backend 3.25.0's `clerkClient.<resource>.<method>` (the API classes of
// createClerkClient) and what replaces it in clerk-fn. `npm run docs:migration` renders
// the table from it; test/migration checks that it covers every method @clerk/backend
// has and that each pair sends the same request.
import type * as funcs from "../../src/funcs/index.js";

export type FunctionName = keyof typeof funcs;

export type Replacement =
  /**
   * One function, or the functions that together do what the method does (`either`:
   * one of them, depending on the arguments).
   */
  | { readonly fns: readonly FunctionName[]; readonly note?: string; readonly either?: boolean }
  /** Not in the 2026-05-12 API: why, and what comes closest when something does. */
  | { readonly none: string; readonly see?: FunctionName };

function use(fn: FunctionName | readonly FunctionName[], note?: string): Replacement {
  return { fns: typeof fn === "string" ? [fn] : fn, ...(note ? { note } : {}) };
}

function either(fns: readonly FunctionName[], note: string): Replacement {
  return { fns, note, either: true };
}

function none(reason: string, see?: FunctionName): Replacement {
  return { none: reason, ...(see ? { see } : {}) };
}

export const CLERK_BACKEND_VERSION = "3.25.0";

const NO_V1 =
  "@clerk/backend calls it without the `/v1` prefix; clerk-fn under the server URL, as the API document says";
const PAGINATED = "`paginated: true` answers `{ data, totalCount }`, as @clerk/backend asks; without it, the bare list";
const MACHINE_KEY = "a machine secret key goes in the core's `bearerAuth`";

/** `resource.method` of @clerk/backend → clerk-fn. */
export const migrationMap: Readonly<Record<string, Replacement>> = {
  "__experimental_accountlessApplications.createAccountlessApplication": none(
    "`POST /accountless_applications`: used by Clerk's framework SDKs for keyless development; not in the API document",
  ),
  "__experimental_accountlessApplications.completeAccountlessApplicationOnboarding": none(
    "`POST /accountless_applications/complete`: keyless development only; not in the API document",
  ),
  "actorTokens.create": use("actorTokensCreate"),
  "actorTokens.revoke": use("actorTokensRevoke"),
  "agentTasks.create": use("agentTasksCreate"),
  "agentTasks.revoke": use("agentTasksRevoke"),
  "allowlistIdentifiers.getAllowlistIdentifierList": use("allowlistIdentifiersList", PAGINATED),
  "allowlistIdentifiers.createAllowlistIdentifier": use("allowlistIdentifiersCreate"),
  "allowlistIdentifiers.deleteAllowlistIdentifier": use("allowlistIdentifiersDelete"),
  "apiKeys.list": use("apiKeysGetApiKeys", NO_V1),
  "apiKeys.create": use("apiKeysCreateApiKey", NO_V1),
  "apiKeys.get": use("apiKeysGetApiKey", NO_V1),
  "apiKeys.update": use("apiKeysUpdateApiKey", NO_V1),
  "apiKeys.delete": use("apiKeysDeleteApiKey", NO_V1),
  "apiKeys.revoke": use("apiKeysRevokeApiKey", NO_V1),
  "apiKeys.getSecret": use("apiKeysGetApiKeySecret", NO_V1),
  "apiKeys.verify": use("apiKeysVerifyApiKey", NO_V1),
  "betaFeatures.changeDomain": none(
    "`POST /beta_features/change_domain` is not in the API document; `POST /instance/change_domain` takes the same `home_url`",
    "instanceSettingsChangeDomain",
  ),
  "billing.getPlanList": use("billingListPlans"),
  "billing.cancelSubscriptionItem": use("billingCancelSubscriptionItem"),
  "billing.extendSubscriptionItemFreeTrial": use("billingExtendSubscriptionItemFreeTrial"),
  "billing.getOrganizationBillingSubscription": use("organizationsGetBillingSubscription"),
  "billing.getUserBillingSubscription": use("usersGetBillingSubscription"),
  "blocklistIdentifiers.getBlocklistIdentifierList": use("blocklistIdentifiersList"),
  "blocklistIdentifiers.createBlocklistIdentifier": use("blocklistIdentifiersCreate"),
  "blocklistIdentifiers.deleteBlocklistIdentifier": use("blocklistIdentifiersDelete"),
  "clients.getClientList": use("clientsList", PAGINATED),
  "clients.getClient": use("clientsGet"),
  "clients.verifyClient": use("clientsVerify"),
  "clients.getHandshakePayload": none(
    "`GET /clients/handshake_payload`: the handshake of Clerk's own middleware; not in the API document",
  ),
  "domains.list": use("domainsList"),
  "domains.add": use("domainsAdd"),
  "domains.update": use("domainsUpdate"),
  "domains.delete": use("domainsDelete"),
  "domains.deleteDomain": use("domainsDelete", "@clerk/backend's deprecated name for `domains.delete`"),
  "emailAddresses.getEmailAddress": use("emailAddressesGet"),
  "emailAddresses.createEmailAddress": use("emailAddressesCreate"),
  "emailAddresses.updateEmailAddress": use("emailAddressesUpdate"),
  "emailAddresses.deleteEmailAddress": use("emailAddressesDelete"),
  "emails.create": none(
    "`POST /email`: an internal endpoint @clerk/backend marks experimental; not in the API document",
  ),
  "emails.createBatch": none("`POST /email/batch`: internal, experimental; not in the API document"),
  "emails.get": none("`GET /email/{id}`: internal, experimental; not in the API document"),
  "enterpriseConnections.createEnterpriseConnection": use("enterpriseConnectionsCreate"),
  "enterpriseConnections.updateEnterpriseConnection": use("enterpriseConnectionsUpdate"),
  "enterpriseConnections.getEnterpriseConnectionList": use("enterpriseConnectionsList"),
  "enterpriseConnections.getEnterpriseConnection": use("enterpriseConnectionsGet"),
  "enterpriseConnections.deleteEnterpriseConnection": use("enterpriseConnectionsDelete"),
  "idPOAuthAccessToken.verify": use("oauthAccessTokensVerify", NO_V1),
  "instance.get": use("instanceSettingsGet"),
  "instance.update": use("instanceSettingsUpdate"),
  "instance.updateRestrictions": use("instanceSettingsUpdateRestrictions"),
  "instance.getOrganizationSettings": use("instanceSettingsGetOrganizationSettings"),
  "instance.updateOrganizationSettings": use("instanceSettingsUpdateOrganizationSettings"),
  "invitations.getInvitationList": use("invitationsList", PAGINATED),
  "invitations.createInvitation": use("invitationsCreate"),
  "invitations.createInvitationBulk": use("invitationsBulkCreate"),
  "invitations.revokeInvitation": use("invitationsRevoke"),
  "invitations.deleteInvitation": none(
    "`DELETE /invitations/{id}` is not in the API document; revoking is",
    "invitationsRevoke",
  ),
  "jwks.getJwks": use("jwksGetJWKS"),
  "jwtTemplates.list": use("jwtTemplatesList", PAGINATED),
  "jwtTemplates.get": use("jwtTemplatesGet"),
  "jwtTemplates.create": use("jwtTemplatesCreate"),
  "jwtTemplates.update": use("jwtTemplatesUpdate"),
  "jwtTemplates.delete": use("jwtTemplatesDelete"),
  "machines.get": use("machinesGet"),
  "machines.list": use("machinesList"),
  "machines.create": use("machinesCreate"),
  "machines.update": use("machinesUpdate"),
  "machines.delete": use("machinesDelete"),
  "machines.getSecretKey": use("machinesGetSecretKey"),
  "machines.rotateSecretKey": use("machinesRotateSecretKey"),
  "machines.createScope": use("machinesCreateScope"),
  "machines.deleteScope": use("machinesDeleteScope"),
  "m2m.list": use("m2mListTokens", `${NO_V1}; ${MACHINE_KEY}`),
  "m2m.createToken": use(
    "m2mCreateToken",
    `${NO_V1}; ${MACHINE_KEY}; @clerk/backend sends \`token_format: "opaque"\` unless told otherwise: set \`tokenFormat\` for the same`,
  ),
  "m2m.revokeToken": use("m2mRevokeToken", `${NO_V1}; ${MACHINE_KEY}`),
  "m2m.verify": use("m2mVerifyToken", `${NO_V1}; ${MACHINE_KEY}`),
  "oauthApplications.list": use("oauthApplicationsList"),
  "oauthApplications.get": use("oauthApplicationsGet"),
  "oauthApplications.create": use("oauthApplicationsCreate"),
  "oauthApplications.update": use("oauthApplicationsUpdate"),
  "oauthApplications.delete": use("oauthApplicationsDelete"),
  "oauthApplications.rotateSecret": use("oauthApplicationsRotateSecret"),
  "oauthApplications.revokeToken": use("oauthApplicationsRevokeToken"),
  "organizations.getOrganizationList": use("organizationsList"),
  "organizations.createOrganization": use("organizationsCreate"),
  "organizations.getOrganization": use("organizationsGet", "`organizationId` takes the ID or the slug"),
  "organizations.updateOrganization": use("organizationsUpdate"),
  "organizations.updateOrganizationLogo": use("organizationsUploadLogo", "multipart: the file as `requestBody.file`"),
  "organizations.deleteOrganizationLogo": use("organizationsDeleteLogo"),
  "organizations.updateOrganizationMetadata": use("organizationsMergeMetadata"),
  "organizations.replaceOrganizationMetadata": use("organizationsReplaceMetadata"),
  "organizations.deleteOrganization": use("organizationsDelete"),
  "organizations.getOrganizationMembershipList": use("organizationMembershipsList"),
  "organizations.getInstanceOrganizationMembershipList": use("usersGetInstanceOrganizationMemberships"),
  "organizations.createOrganizationMembership": use("organizationMembershipsCreate"),
  "organizations.updateOrganizationMembership": use("organizationMembershipsUpdate"),
  "organizations.updateOrganizationMembershipMetadata": use("organizationMembershipsUpdateMetadata"),
  "organizations.deleteOrganizationMembership": use("organizationMembershipsDelete"),
  "organizations.getOrganizationInvitationList": use("organizationInvitationsList"),
  "organizations.createOrganizationInvitation": use("organizationInvitationsCreate"),
  "organizations.createOrganizationInvitationBulk": use("organizationInvitationsBulkCreate"),
  "organizations.getOrganizationInvitation": use("organizationInvitationsGet"),
  "organizations.revokeOrganizationInvitation": use("organizationInvitationsRevoke"),
  "organizations.getOrganizationDomainList": use("organizationDomainsList"),
  "organizations.createOrganizationDomain": use("organizationDomainsCreate"),
  "organizations.updateOrganizationDomain": use("organizationDomainsUpdate"),
  "organizations.deleteOrganizationDomain": use("organizationDomainsDelete"),
  "organizationPermissions.getOrganizationPermissionList": use("organizationPermissionsList"),
  "organizationPermissions.getOrganizationPermission": use("organizationPermissionsGet"),
  "organizationPermissions.createOrganizationPermission": use("organizationPermissionsCreate"),
  "organizationPermissions.updateOrganizationPermission": use("organizationPermissionsUpdate"),
  "organizationPermissions.deleteOrganizationPermission": use("organizationPermissionsDelete"),
  "organizationRoles.getOrganizationRoleList": use("organizationRolesList"),
  "organizationRoles.getOrganizationRole": use("organizationRolesGet"),
  "organizationRoles.createOrganizationRole": use("organizationRolesCreate"),
  "organizationRoles.updateOrganizationRole": use("organizationRolesUpdate"),
  "organizationRoles.deleteOrganizationRole": use("organizationRolesDelete"),
  "organizationRoles.assignPermissionToOrganizationRole": use("organizationRolesAssignPermission"),
  "organizationRoles.removePermissionFromOrganizationRole": use("organizationRolesRemovePermission"),
  "phoneNumbers.getPhoneNumber": use("phoneNumbersGet"),
  "phoneNumbers.createPhoneNumber": use("phoneNumbersCreate"),
  "phoneNumbers.updatePhoneNumber": use("phoneNumbersUpdate"),
  "phoneNumbers.deletePhoneNumber": use("phoneNumbersDelete"),
  "proxyChecks.verify": use("proxyChecksVerify"),
  "redirectUrls.getRedirectUrlList": use("redirectUrlsList", PAGINATED),
  "redirectUrls.getRedirectUrl": use("redirectUrlsGet"),
  "redirectUrls.createRedirectUrl": use("redirectUrlsCreate"),
  "redirectUrls.deleteRedirectUrl": use("redirectUrlsDelete"),
  "roleSets.getRoleSetList": use("roleSetsList"),
  "roleSets.getRoleSet": use("roleSetsGet"),
  "roleSets.createRoleSet": use("roleSetsCreate"),
  "roleSets.updateRoleSet": use("roleSetsUpdate"),
  "roleSets.addRolesToRoleSet": use("roleSetsAddRoles"),
  "roleSets.replaceRoleInRoleSet": use("roleSetsReplaceRole"),
  "roleSets.replaceRoleSet": use("roleSetsReplace"),
  "samlConnections.getSamlConnectionList": use(
    "samlConnectionsList",
    "deprecated in both: use `enterpriseConnections`",
  ),
  "samlConnections.createSamlConnection": use("samlConnectionsCreate"),
  "samlConnections.getSamlConnection": use("samlConnectionsGet"),
  "samlConnections.updateSamlConnection": use("samlConnectionsUpdate"),
  "samlConnections.deleteSamlConnection": use("samlConnectionsDelete"),
  "sessions.getSessionList": use("sessionsList", PAGINATED),
  "sessions.getSession": use("sessionsGet"),
  "sessions.createSession": use("sessionsCreate"),
  "sessions.revokeSession": use("sessionsRevoke"),
  "sessions.verifySession": none(
    "`POST /sessions/{id}/verify` is not in the API document (@clerk/backend deprecates it); verify the session token itself with `verifyToken` or `authenticateRequest` from `clerk-fn/auth`",
  ),
  "sessions.getToken": either(
    ["sessionsCreateToken", "sessionsCreateTokenFromTemplate"],
    "`sessionsCreateToken` without a template, `sessionsCreateTokenFromTemplate` with one (`template`, `expiresInSeconds` in `requestBody`)",
  ),
  "sessions.refreshSession": use("sessionsRefresh"),
  "signInTokens.createSignInToken": use("signInTokensCreate"),
  "signInTokens.revokeSignInToken": use("signInTokensRevoke"),
  "signUps.get": use("signUpsGet"),
  "signUps.update": use("signUpsUpdate"),
  "testingTokens.createTestingToken": use("testingTokensCreate"),
  "users.getUserList": use(
    ["usersList", "usersCount"],
    "@clerk/backend makes two calls, the list and the count with the same filters, to fill `totalCount`; clerk-fn makes the calls you make",
  ),
  "users.getUser": use("usersGet"),
  "users.createUser": use("usersCreate"),
  "users.updateUser": use("usersUpdate"),
  "users.replaceUserEmailAddress": use("emailAddressesReplaceForUser"),
  "users.replaceUserPhoneNumber": use("phoneNumbersReplaceForUser"),
  "users.updateUserProfileImage": use("usersSetProfileImage", "multipart: the file as `requestBody.file`"),
  "users.updateUserMetadata": use("usersUpdateMetadata"),
  "users.replaceUserMetadata": use("usersReplaceMetadata"),
  "users.deleteUser": use("usersDelete"),
  "users.getCount": use("usersCount"),
  "users.getUserOauthAccessToken": use(
    "usersGetOAuthAccessToken",
    `${PAGINATED}; the provider goes in the path as \`oauth_<name>\``,
  ),
  "users.disableUserMFA": use("usersDisableMfa"),
  "users.getOrganizationMembershipList": use("usersGetOrganizationMemberships"),
  "users.getOrganizationInvitationList": use("usersGetOrganizationInvitations"),
  "users.removePassword": use("usersRemovePassword"),
  "users.verifyPassword": use("usersVerifyPassword"),
  "users.verifyTOTP": use("usersVerifyTotp"),
  "users.banUser": use("usersBan"),
  "users.unbanUser": use("usersUnban"),
  "users.lockUser": use("usersLock"),
  "users.unlockUser": use("usersUnlock"),
  "users.deleteUserProfileImage": use("usersDeleteProfileImage"),
  "users.deleteUserPasskey": use("usersDeletePasskey"),
  "users.deleteUserWeb3Wallet": use("usersDeleteWeb3Wallet"),
  "users.deleteUserExternalAccount": use("usersDeleteExternalAccount"),
  "users.deleteUserBackupCodes": use("usersDeleteBackupCodes"),
  "users.deleteUserTOTP": use("usersDeleteTOTP"),
  "users.setPasswordCompromised": use("usersSetPasswordCompromised"),
  "users.unsetPasswordCompromised": use("usersUnsetPasswordCompromised"),
  "waitlistEntries.list": use("waitlistEntriesList"),
  "waitlistEntries.create": use("waitlistEntriesCreate"),
  "waitlistEntries.createBulk": use("waitlistEntriesBulkCreate"),
  "waitlistEntries.invite": use("waitlistEntriesInvite"),
  "waitlistEntries.reject": use("waitlistEntriesReject"),
  "waitlistEntries.delete": use("waitlistEntriesDelete"),
  "webhooks.createSvixApp": use("webhooksCreateSvixApp"),
  "webhooks.generateSvixAuthURL": use("webhooksGenerateSvixAuthURL"),
  "webhooks.deleteSvixApp": use("webhooksDeleteSvixApp"),
};
