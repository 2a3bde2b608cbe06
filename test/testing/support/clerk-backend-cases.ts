// One case per operation of the fake that @clerk/backend 3.25.0 exposes: the call a Clerk
// app would make with createClerkClient, against a fake seeded with WORLD_SEED. Each case
// makes the objects it needs first (through @clerk/backend too), so cases run in any order
// after fake.reset(). Operations @clerk/backend has no method for are listed in
// NOT_IN_CLERK_BACKEND with the reason; clerk-backend.test.ts fails for a modelled operation
// that is in neither table, so new operations cannot go unchecked.
import type { createClerkClient } from "@clerk/backend";
import type { ClerkFake, Seed } from "../../../src/testing/index.js";

type ClerkClient = ReturnType<typeof createClerkClient>;

export interface World {
  readonly clerk: ClerkClient;
  readonly fake: ClerkFake;
  /** The apiUrl @clerk/backend was given (a machine's client is made from it). */
  readonly apiUrl: string;
  readonly makeClient: (options: { machineSecretKey?: string }) => ClerkClient;
}

export type Case = (world: World) => Promise<unknown>;

export const ADA = "user_2ada00000000000000000000000";
const BOB = "user_2bob00000000000000000000000";
export const ORG = "org_2engines0000000000000000000";
const ADA_PASSWORD = "correct horse battery";
const BACKUP_CODE = "backup-code-1";

export const WORLD_SEED: Seed = {
  users: [
    {
      id: ADA,
      firstName: "Ada",
      lastName: "Lovelace",
      username: "ada_l",
      emailAddresses: ["ada@example.com"],
      phoneNumbers: ["+15555550100"],
      password: ADA_PASSWORD,
      // RFC 6238's SHA-1 test secret, base32.
      totpSecret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
      backupCodes: [BACKUP_CODE, "backup-code-2"],
      web3Wallets: ["0x0123456789abcdef0123456789abcdef01234567"],
      passkeys: [{ name: "Laptop" }],
      externalAccounts: [{ provider: "oauth_google", emailAddress: "ada@gmail.com", accessToken: "ya29.fake-token" }],
      trustedDevices: [{ platform: "ios", appIdentifier: "com.example.app", name: "Ada's phone" }],
    },
    { id: BOB, firstName: "Bob", emailAddresses: ["bob@example.com"], password: "bob's password" },
  ],
  organizations: [{ id: ORG, name: "Engines", slug: "engines", createdBy: ADA, members: [{ userId: BOB }] }],
  billing: {
    plans: [
      { slug: "free_user", payerType: "user", isDefault: true },
      { slug: "pro", payerType: "user", amount: 2000, features: ["exports"] },
      { slug: "free_org", payerType: "org", isDefault: true },
      { slug: "team", payerType: "org", amount: 9900, features: ["invoices"] },
    ],
    subscriptions: [
      { userId: ADA, plan: "pro", freeTrial: true },
      { orgId: ORG, plan: "team" },
    ],
  },
};

/** A user's wire body straight from the fake (ids of linked accounts, which @clerk/backend may not expose). */
async function rawUser(world: World, userId: string): Promise<Record<string, Array<{ id: string }>>> {
  const response = await world.fake.fetch(`${world.fake.serverUrl}/users/${userId}`, {
    headers: { authorization: `Bearer ${world.fake.secretKey}` },
  });
  return (await response.json()) as Record<string, Array<{ id: string }>>;
}

const first = <T>(items: readonly T[] | undefined): T => {
  const item = items?.[0];
  if (item === undefined) throw new Error("expected at least one item");
  return item;
};

async function newSession(world: World) {
  return world.clerk.sessions.createSession({ userId: ADA });
}

async function newMachine(world: World, name = "worker") {
  return world.clerk.machines.create({ name });
}

function newRole(world: World) {
  return world.clerk.organizationRoles.createOrganizationRole({ name: "Auditor", key: "org:auditor", permissions: [] });
}

function newPermission(world: World) {
  return world.clerk.organizationPermissions.createOrganizationPermission({
    name: "Read invoices",
    key: "org:invoices:read",
  });
}

function newRoleSet(world: World, key: string) {
  return world.clerk.roleSets.createRoleSet({
    name: key,
    // Role set keys start with role_set: (the spec's rule for CreateRoleSet).
    key: `role_set:${key}`,
    defaultRoleKey: "org:member",
    creatorRoleKey: "org:admin",
    roles: ["org:admin", "org:member"],
  });
}

async function subscriptionItem(world: World) {
  const subscription = await world.clerk.billing.getUserBillingSubscription(ADA);
  return first(subscription.subscriptionItems);
}

export const CASES: Readonly<Record<string, Case>> = {
  // Users
  CreateUser: (w) => w.clerk.users.createUser({ emailAddress: ["new@example.com"], password: "a strong password" }),
  GetUser: (w) => w.clerk.users.getUser(ADA),
  GetUserList: (w) => w.clerk.users.getUserList({ limit: 5, orderBy: "-created_at" }),
  GetUsersCount: (w) => w.clerk.users.getCount(),
  UpdateUser: (w) => w.clerk.users.updateUser(ADA, { firstName: "Augusta" }),
  UpdateUserMetadata: (w) => w.clerk.users.updateUserMetadata(ADA, { publicMetadata: { plan: "pro" } }),
  ReplaceUserMetadata: (w) => w.clerk.users.replaceUserMetadata(ADA, { privateMetadata: { stripe: "cus_1" } }),
  DeleteUser: (w) => w.clerk.users.deleteUser(BOB),
  BanUser: (w) => w.clerk.users.banUser(BOB),
  UnbanUser: (w) => w.clerk.users.unbanUser(BOB),
  LockUser: (w) => w.clerk.users.lockUser(BOB),
  UnlockUser: (w) => w.clerk.users.unlockUser(BOB),
  VerifyPassword: (w) => w.clerk.users.verifyPassword({ userId: ADA, password: ADA_PASSWORD }),
  VerifyTOTP: (w) => w.clerk.users.verifyTOTP({ userId: ADA, code: BACKUP_CODE }),
  DisableMFA: (w) => w.clerk.users.disableUserMFA(ADA),
  DeleteBackupCode: (w) => w.clerk.users.deleteUserBackupCodes(ADA),
  DeleteTOTP: (w) => w.clerk.users.deleteUserTOTP(ADA),
  SetUserProfileImage: (w) =>
    w.clerk.users.updateUserProfileImage(ADA, {
      file: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" }),
    }),
  DeleteUserProfileImage: (w) => w.clerk.users.deleteUserProfileImage(ADA),
  UserPasskeyDelete: async (w) =>
    w.clerk.users.deleteUserPasskey({
      userId: ADA,
      passkeyIdentificationId: first((await rawUser(w, ADA))["passkeys"]).id,
    }),
  UserWeb3WalletDelete: async (w) =>
    w.clerk.users.deleteUserWeb3Wallet({
      userId: ADA,
      web3WalletIdentificationId: first((await rawUser(w, ADA))["web3_wallets"]).id,
    }),
  DeleteExternalAccount: async (w) =>
    w.clerk.users.deleteUserExternalAccount({
      userId: ADA,
      externalAccountId: first((await rawUser(w, ADA))["external_accounts"]).id,
    }),
  SetUserPasswordCompromised: (w) => w.clerk.users.setPasswordCompromised(ADA),
  UnsetUserPasswordCompromised: (w) => w.clerk.users.unsetPasswordCompromised(ADA),
  RemoveUserPassword: (w) => w.clerk.users.removePassword(ADA),
  GetOAuthAccessToken: (w) => w.clerk.users.getUserOauthAccessToken(ADA, "google"),
  UsersGetOrganizationMemberships: (w) => w.clerk.users.getOrganizationMembershipList({ userId: BOB }),
  UsersGetOrganizationInvitations: async (w) => {
    await w.clerk.organizations.createOrganizationInvitation({
      organizationId: ORG,
      emailAddress: "bob@example.com",
      role: "org:member",
    });
    return w.clerk.users.getOrganizationInvitationList({ userId: BOB });
  },
  ReplaceUserEmailAddress: (w) => w.clerk.users.replaceUserEmailAddress(ADA, { emailAddress: "ada@new.example" }),
  ReplaceUserPhoneNumber: (w) => w.clerk.users.replaceUserPhoneNumber(ADA, { phoneNumber: "+15555550199" }),

  // Email addresses and phone numbers
  CreateEmailAddress: (w) =>
    w.clerk.emailAddresses.createEmailAddress({ userId: ADA, emailAddress: "ada@work.example" }),
  GetEmailAddress: async (w) =>
    w.clerk.emailAddresses.getEmailAddress((await w.clerk.users.getUser(ADA)).emailAddresses[0]?.id ?? ""),
  UpdateEmailAddress: async (w) =>
    w.clerk.emailAddresses.updateEmailAddress((await w.clerk.users.getUser(ADA)).emailAddresses[0]?.id ?? "", {
      verified: true,
    }),
  DeleteEmailAddress: async (w) =>
    w.clerk.emailAddresses.deleteEmailAddress(
      (await w.clerk.emailAddresses.createEmailAddress({ userId: ADA, emailAddress: "gone@example.com" })).id,
    ),
  CreatePhoneNumber: (w) => w.clerk.phoneNumbers.createPhoneNumber({ userId: ADA, phoneNumber: "+15555550101" }),
  GetPhoneNumber: async (w) =>
    w.clerk.phoneNumbers.getPhoneNumber((await w.clerk.users.getUser(ADA)).phoneNumbers[0]?.id ?? ""),
  UpdatePhoneNumber: async (w) =>
    w.clerk.phoneNumbers.updatePhoneNumber((await w.clerk.users.getUser(ADA)).phoneNumbers[0]?.id ?? "", {
      reservedForSecondFactor: true,
    }),
  DeletePhoneNumber: async (w) =>
    w.clerk.phoneNumbers.deletePhoneNumber(
      (await w.clerk.phoneNumbers.createPhoneNumber({ userId: ADA, phoneNumber: "+15555550102" })).id,
    ),

  // Sessions, tokens, JWT templates, JWKS, clients
  createSession: (w) => newSession(w),
  GetSession: async (w) => w.clerk.sessions.getSession((await newSession(w)).id),
  GetSessionList: async (w) => {
    await newSession(w);
    return w.clerk.sessions.getSessionList({ userId: ADA });
  },
  RevokeSession: async (w) => w.clerk.sessions.revokeSession((await newSession(w)).id),
  CreateSessionToken: async (w) => w.clerk.sessions.getToken((await newSession(w)).id),
  CreateSessionTokenFromTemplate: async (w) => {
    await w.clerk.jwtTemplates.create({ name: "supabase", claims: { email: "{{user.primary_email_address}}" } });
    return w.clerk.sessions.getToken((await newSession(w)).id, "supabase");
  },
  RefreshSession: async (w) => {
    const session = await newSession(w);
    const { jwt } = await w.clerk.sessions.getToken(session.id);
    return w.clerk.sessions.refreshSession(session.id, {
      expired_token: jwt,
      refresh_token: "refresh-token",
      request_origin: "https://app.example.com",
    });
  },
  GetJWKS: (w) => w.clerk.jwks.getJwks(),
  CreateJWTTemplate: (w) => w.clerk.jwtTemplates.create({ name: "hasura", claims: { role: "user" } }),
  ListJWTTemplates: (w) => w.clerk.jwtTemplates.list(),
  GetJWTTemplate: async (w) =>
    w.clerk.jwtTemplates.get((await w.clerk.jwtTemplates.create({ name: "t1", claims: {} })).id),
  UpdateJWTTemplate: async (w) =>
    w.clerk.jwtTemplates.update({
      templateId: (await w.clerk.jwtTemplates.create({ name: "t2", claims: {} })).id,
      name: "t3",
      claims: { a: 1 },
    }),
  DeleteJWTTemplate: async (w) =>
    w.clerk.jwtTemplates.delete((await w.clerk.jwtTemplates.create({ name: "t4", claims: {} })).id),
  GetClientList: async (w) => {
    await newSession(w);
    return w.clerk.clients.getClientList();
  },
  GetClient: async (w) => w.clerk.clients.getClient((await newSession(w)).clientId),
  VerifyClient: async (w) => {
    const session = await newSession(w);
    return w.clerk.clients.verifyClient(
      await w.fake.signSessionToken({ userId: ADA, claims: { id: session.clientId } }),
    );
  },

  // Organizations, memberships, invitations, domains
  CreateOrganization: (w) => w.clerk.organizations.createOrganization({ name: "Analytical", createdBy: ADA }),
  GetOrganization: (w) => w.clerk.organizations.getOrganization({ organizationId: ORG }),
  ListOrganizations: (w) => w.clerk.organizations.getOrganizationList({ limit: 10 }),
  UpdateOrganization: (w) => w.clerk.organizations.updateOrganization(ORG, { name: "Difference Engines" }),
  DeleteOrganization: async (w) =>
    w.clerk.organizations.deleteOrganization(
      (await w.clerk.organizations.createOrganization({ name: "Temp", createdBy: ADA })).id,
    ),
  MergeOrganizationMetadata: (w) =>
    w.clerk.organizations.updateOrganizationMetadata(ORG, { publicMetadata: { tier: "gold" } }),
  ReplaceOrganizationMetadata: (w) =>
    w.clerk.organizations.replaceOrganizationMetadata(ORG, { privateMetadata: { crm: "1" } }),
  ListOrganizationMemberships: (w) => w.clerk.organizations.getOrganizationMembershipList({ organizationId: ORG }),
  InstanceGetOrganizationMemberships: (w) => w.clerk.organizations.getInstanceOrganizationMembershipList({}),
  CreateOrganizationMembership: async (w) => {
    const user = await w.clerk.users.createUser({ emailAddress: ["carol@example.com"] });
    return w.clerk.organizations.createOrganizationMembership({
      organizationId: ORG,
      userId: user.id,
      role: "org:member",
    });
  },
  UpdateOrganizationMembership: (w) =>
    w.clerk.organizations.updateOrganizationMembership({ organizationId: ORG, userId: BOB, role: "org:admin" }),
  UpdateOrganizationMembershipMetadata: (w) =>
    w.clerk.organizations.updateOrganizationMembershipMetadata({
      organizationId: ORG,
      userId: BOB,
      publicMetadata: { team: "ops" },
    }),
  DeleteOrganizationMembership: (w) =>
    w.clerk.organizations.deleteOrganizationMembership({ organizationId: ORG, userId: BOB }),
  CreateOrganizationInvitation: (w) =>
    w.clerk.organizations.createOrganizationInvitation({
      organizationId: ORG,
      emailAddress: "dan@example.com",
      role: "org:member",
    }),
  CreateOrganizationInvitationBulk: (w) =>
    w.clerk.organizations.createOrganizationInvitationBulk(ORG, [
      { emailAddress: "e1@example.com", role: "org:member" },
      { emailAddress: "e2@example.com", role: "org:member" },
    ]),
  ListOrganizationInvitations: (w) => w.clerk.organizations.getOrganizationInvitationList({ organizationId: ORG }),
  GetOrganizationInvitation: async (w) => {
    const invitation = await w.clerk.organizations.createOrganizationInvitation({
      organizationId: ORG,
      emailAddress: "f@example.com",
      role: "org:member",
    });
    return w.clerk.organizations.getOrganizationInvitation({ organizationId: ORG, invitationId: invitation.id });
  },
  RevokeOrganizationInvitation: async (w) => {
    const invitation = await w.clerk.organizations.createOrganizationInvitation({
      organizationId: ORG,
      emailAddress: "g@example.com",
      role: "org:member",
    });
    return w.clerk.organizations.revokeOrganizationInvitation({
      organizationId: ORG,
      invitationId: invitation.id,
      requestingUserId: ADA,
    });
  },
  CreateOrganizationDomain: (w) =>
    w.clerk.organizations.createOrganizationDomain({
      organizationId: ORG,
      name: "engines.test",
      enrollmentMode: "automatic_invitation",
      verified: true,
    }),
  ListOrganizationDomains: (w) => w.clerk.organizations.getOrganizationDomainList({ organizationId: ORG }),
  UpdateOrganizationDomain: async (w) => {
    const domain = await w.clerk.organizations.createOrganizationDomain({
      organizationId: ORG,
      name: "e2.test",
      enrollmentMode: "manual_invitation",
    });
    return w.clerk.organizations.updateOrganizationDomain({
      organizationId: ORG,
      domainId: domain.id,
      enrollmentMode: "automatic_suggestion",
    });
  },
  DeleteOrganizationDomain: async (w) => {
    const domain = await w.clerk.organizations.createOrganizationDomain({
      organizationId: ORG,
      name: "e3.test",
      enrollmentMode: "manual_invitation",
    });
    return w.clerk.organizations.deleteOrganizationDomain({ organizationId: ORG, domainId: domain.id });
  },

  // Application invitations, allowlist, blocklist, waitlist
  CreateInvitation: (w) => w.clerk.invitations.createInvitation({ emailAddress: "invitee@example.com" }),
  CreateBulkInvitations: (w) =>
    w.clerk.invitations.createInvitationBulk([{ emailAddress: "b1@example.com" }, { emailAddress: "b2@example.com" }]),
  ListInvitations: (w) => w.clerk.invitations.getInvitationList({ status: "pending" }),
  RevokeInvitation: async (w) =>
    w.clerk.invitations.revokeInvitation(
      (await w.clerk.invitations.createInvitation({ emailAddress: "r@example.com" })).id,
    ),
  CreateAllowlistIdentifier: (w) =>
    w.clerk.allowlistIdentifiers.createAllowlistIdentifier({ identifier: "ok@example.com", notify: false }),
  ListAllowlistIdentifiers: (w) => w.clerk.allowlistIdentifiers.getAllowlistIdentifierList(),
  DeleteAllowlistIdentifier: async (w) =>
    w.clerk.allowlistIdentifiers.deleteAllowlistIdentifier(
      (await w.clerk.allowlistIdentifiers.createAllowlistIdentifier({ identifier: "x@example.com", notify: false })).id,
    ),
  CreateBlocklistIdentifier: (w) =>
    w.clerk.blocklistIdentifiers.createBlocklistIdentifier({ identifier: "spam@example.com" }),
  ListBlocklistIdentifiers: (w) => w.clerk.blocklistIdentifiers.getBlocklistIdentifierList(),
  DeleteBlocklistIdentifier: async (w) =>
    w.clerk.blocklistIdentifiers.deleteBlocklistIdentifier(
      (await w.clerk.blocklistIdentifiers.createBlocklistIdentifier({ identifier: "y@example.com" })).id,
    ),
  CreateWaitlistEntry: (w) => w.clerk.waitlistEntries.create({ emailAddress: "wait@example.com" }),
  CreateBulkWaitlistEntries: (w) =>
    w.clerk.waitlistEntries.createBulk([{ emailAddress: "w1@example.com" }, { emailAddress: "w2@example.com" }]),
  ListWaitlistEntries: (w) => w.clerk.waitlistEntries.list({ limit: 10 }),
  InviteWaitlistEntry: async (w) =>
    w.clerk.waitlistEntries.invite((await w.clerk.waitlistEntries.create({ emailAddress: "wi@example.com" })).id),
  RejectWaitlistEntry: async (w) =>
    w.clerk.waitlistEntries.reject((await w.clerk.waitlistEntries.create({ emailAddress: "wr@example.com" })).id),
  DeleteWaitlistEntry: async (w) =>
    w.clerk.waitlistEntries.delete((await w.clerk.waitlistEntries.create({ emailAddress: "wd@example.com" })).id),

  // One-time tokens
  CreateSignInToken: (w) => w.clerk.signInTokens.createSignInToken({ userId: ADA, expiresInSeconds: 600 }),
  RevokeSignInToken: async (w) =>
    w.clerk.signInTokens.revokeSignInToken(
      (await w.clerk.signInTokens.createSignInToken({ userId: ADA, expiresInSeconds: 600 })).id,
    ),
  CreateActorToken: (w) => w.clerk.actorTokens.create({ userId: ADA, actor: { sub: BOB } }),
  RevokeActorToken: async (w) =>
    w.clerk.actorTokens.revoke((await w.clerk.actorTokens.create({ userId: ADA, actor: { sub: BOB } })).id),
  CreateTestingToken: (w) => w.clerk.testingTokens.createTestingToken(),

  // Domains and redirect URLs
  ListDomains: (w) => w.clerk.domains.list(),
  AddDomain: (w) => w.clerk.domains.add({ name: "satellite.example", is_satellite: true }),
  UpdateDomain: async (w) => {
    const domain = await w.clerk.domains.add({ name: "s2.example", is_satellite: true });
    return w.clerk.domains.update({ domainId: domain.id, proxy_url: "https://s2.example/__clerk" });
  },
  DeleteDomain: async (w) =>
    w.clerk.domains.deleteDomain((await w.clerk.domains.add({ name: "s3.example", is_satellite: true })).id),
  CreateRedirectURL: (w) => w.clerk.redirectUrls.createRedirectUrl({ url: "myapp://callback" }),
  ListRedirectURLs: (w) => w.clerk.redirectUrls.getRedirectUrlList(),
  GetRedirectURL: async (w) =>
    w.clerk.redirectUrls.getRedirectUrl((await w.clerk.redirectUrls.createRedirectUrl({ url: "myapp://a" })).id),
  DeleteRedirectURL: async (w) =>
    w.clerk.redirectUrls.deleteRedirectUrl((await w.clerk.redirectUrls.createRedirectUrl({ url: "myapp://b" })).id),

  // OAuth applications
  CreateOAuthApplication: (w) =>
    w.clerk.oauthApplications.create({
      name: "Partner",
      redirectUris: ["https://partner.example/cb"],
      scopes: "profile email",
    }),
  ListOAuthApplications: (w) => w.clerk.oauthApplications.list(),
  GetOAuthApplication: async (w) =>
    w.clerk.oauthApplications.get((await w.clerk.oauthApplications.create({ name: "A" })).id),
  UpdateOAuthApplication: async (w) =>
    w.clerk.oauthApplications.update({
      oauthApplicationId: (await w.clerk.oauthApplications.create({ name: "B" })).id,
      name: "B2",
    }),
  DeleteOAuthApplication: async (w) =>
    w.clerk.oauthApplications.delete((await w.clerk.oauthApplications.create({ name: "C" })).id),
  RotateOAuthApplicationSecret: async (w) =>
    w.clerk.oauthApplications.rotateSecret((await w.clerk.oauthApplications.create({ name: "D" })).id),
  RevokeOAuthApplicationToken: async (w) => {
    const app = await w.clerk.oauthApplications.create({ name: "E" });
    return w.clerk.oauthApplications.revokeToken({
      oauthApplicationId: app.id,
      token: w.fake.issueOAuthAccessToken({ userId: ADA, clientId: app.clientId }),
    });
  },
  verifyOAuthAccessToken: (w) =>
    w.clerk.idPOAuthAccessToken.verify(w.fake.issueOAuthAccessToken({ userId: ADA, scopes: ["profile"] })),

  // Machines, M2M tokens, API keys
  CreateMachine: (w) => newMachine(w),
  ListMachines: async (w) => {
    await newMachine(w);
    return w.clerk.machines.list();
  },
  GetMachine: async (w) => w.clerk.machines.get((await newMachine(w)).id),
  UpdateMachine: async (w) => w.clerk.machines.update({ machineId: (await newMachine(w)).id, name: "renamed" }),
  DeleteMachine: async (w) => w.clerk.machines.delete((await newMachine(w)).id),
  GetMachineSecretKey: async (w) => w.clerk.machines.getSecretKey((await newMachine(w)).id),
  RotateMachineSecretKey: async (w) =>
    w.clerk.machines.rotateSecretKey({ machineId: (await newMachine(w)).id, previousTokenTtl: 0 }),
  CreateMachineScope: async (w) =>
    w.clerk.machines.createScope((await newMachine(w, "a")).id, (await newMachine(w, "b")).id),
  DeleteMachineScope: async (w) => {
    const [a, b] = [await newMachine(w, "a"), await newMachine(w, "b")];
    await w.clerk.machines.createScope(a.id, b.id);
    return w.clerk.machines.deleteScope(a.id, b.id);
  },
  createM2MToken: async (w) => {
    const machine = await newMachine(w);
    return w.makeClient({ machineSecretKey: machine.secretKey ?? "" }).m2m.createToken({ secondsUntilExpiration: 60 });
  },
  getM2MTokens: async (w) => {
    const machine = await newMachine(w);
    await w.makeClient({ machineSecretKey: machine.secretKey ?? "" }).m2m.createToken({});
    return w.clerk.m2m.list({ subject: machine.id });
  },
  revokeM2MToken: async (w) => {
    const machine = await newMachine(w);
    const client = w.makeClient({ machineSecretKey: machine.secretKey ?? "" });
    return client.m2m.revokeToken({ m2mTokenId: (await client.m2m.createToken({})).id });
  },
  verifyM2MToken: async (w) => {
    const machine = await newMachine(w);
    const client = w.makeClient({ machineSecretKey: machine.secretKey ?? "" });
    return client.m2m.verify({ token: (await client.m2m.createToken({})).token ?? "" });
  },
  createApiKey: (w) => w.clerk.apiKeys.create({ name: "ci-key", subject: ADA }),
  getApiKeys: async (w) => {
    await w.clerk.apiKeys.create({ name: "ci-key", subject: ADA });
    return w.clerk.apiKeys.list({ subject: ADA });
  },
  getApiKey: async (w) => w.clerk.apiKeys.get((await w.clerk.apiKeys.create({ name: "ci-key", subject: ADA })).id),
  updateApiKey: async (w) =>
    w.clerk.apiKeys.update({
      apiKeyId: (await w.clerk.apiKeys.create({ name: "ci-key", subject: ADA })).id,
      subject: ADA,
      description: "for CI",
    }),
  deleteApiKey: async (w) =>
    w.clerk.apiKeys.delete((await w.clerk.apiKeys.create({ name: "ci-key", subject: ADA })).id),
  getApiKeySecret: async (w) =>
    w.clerk.apiKeys.getSecret((await w.clerk.apiKeys.create({ name: "ci-key", subject: ADA })).id),
  revokeApiKey: async (w) =>
    w.clerk.apiKeys.revoke({
      apiKeyId: (await w.clerk.apiKeys.create({ name: "ci-key", subject: ADA })).id,
      revocationReason: "leaked",
    }),
  verifyApiKey: async (w) =>
    w.clerk.apiKeys.verify((await w.clerk.apiKeys.create({ name: "ci-key", subject: ADA })).secret ?? ""),

  // Organization roles, permissions and role sets
  ListOrganizationRoles: (w) => w.clerk.organizationRoles.getOrganizationRoleList(),
  CreateOrganizationRole: (w) =>
    w.clerk.organizationRoles.createOrganizationRole({ name: "Billing", key: "org:billing", permissions: [] }),
  GetOrganizationRole: async (w) => w.clerk.organizationRoles.getOrganizationRole((await newRole(w)).id),
  UpdateOrganizationRole: async (w) =>
    w.clerk.organizationRoles.updateOrganizationRole({ organizationRoleId: (await newRole(w)).id, name: "Auditor 2" }),
  DeleteOrganizationRole: async (w) => w.clerk.organizationRoles.deleteOrganizationRole((await newRole(w)).id),
  AssignPermissionToOrganizationRole: async (w) =>
    w.clerk.organizationRoles.assignPermissionToOrganizationRole({
      organizationRoleId: (await newRole(w)).id,
      permissionId: (await newPermission(w)).id,
    }),
  RemovePermissionFromOrganizationRole: async (w) => {
    const permission = await newPermission(w);
    const role = await w.clerk.organizationRoles.createOrganizationRole({
      name: "Reader",
      key: "org:reader",
      permissions: [permission.key],
    });
    return w.clerk.organizationRoles.removePermissionFromOrganizationRole({
      organizationRoleId: role.id,
      permissionId: permission.id,
    });
  },
  ListOrganizationPermissions: (w) => w.clerk.organizationPermissions.getOrganizationPermissionList(),
  CreateOrganizationPermission: (w) => newPermission(w),
  GetOrganizationPermission: async (w) =>
    w.clerk.organizationPermissions.getOrganizationPermission((await newPermission(w)).id),
  UpdateOrganizationPermission: async (w) =>
    w.clerk.organizationPermissions.updateOrganizationPermission({
      permissionId: (await newPermission(w)).id,
      name: "Read all invoices",
    }),
  DeleteOrganizationPermission: async (w) =>
    w.clerk.organizationPermissions.deleteOrganizationPermission((await newPermission(w)).id),
  ListRoleSets: (w) => w.clerk.roleSets.getRoleSetList(),
  CreateRoleSet: (w) => newRoleSet(w, "team"),
  GetRoleSet: async (w) => w.clerk.roleSets.getRoleSet((await newRoleSet(w, "team")).key),
  UpdateRoleSet: async (w) =>
    w.clerk.roleSets.updateRoleSet({ roleSetKeyOrId: (await newRoleSet(w, "team")).id, name: "Team 2" }),
  AddRolesToRoleSet: async (w) => {
    const [set, role] = [await newRoleSet(w, "team"), await newRole(w)];
    return w.clerk.roleSets.addRolesToRoleSet({ roleSetKeyOrId: set.id, roleKeys: [role.key] });
  },
  ReplaceRoleInRoleSet: async (w) => {
    const role = await newRole(w);
    const set = await w.clerk.roleSets.createRoleSet({
      name: "With auditor",
      key: "role_set:with_auditor",
      defaultRoleKey: "org:member",
      creatorRoleKey: "org:admin",
      roles: ["org:admin", "org:member", role.key],
    });
    return w.clerk.roleSets.replaceRoleInRoleSet({
      roleSetKeyOrId: set.id,
      roleKey: role.key,
      toRoleKey: "org:member",
    });
  },
  ReplaceRoleSet: async (w) => {
    const [from, to] = [await newRoleSet(w, "old_set"), await newRoleSet(w, "new_set")];
    return w.clerk.roleSets.replaceRoleSet({ roleSetKeyOrId: from.id, destRoleSetKey: to.key });
  },

  // Billing
  GetCommercePlanList: (w) => w.clerk.billing.getPlanList({ payerType: "user" }),
  GetUserBillingSubscription: (w) => w.clerk.billing.getUserBillingSubscription(ADA),
  GetOrganizationBillingSubscription: (w) => w.clerk.billing.getOrganizationBillingSubscription(ORG),
  CancelCommerceSubscriptionItem: async (w) =>
    w.clerk.billing.cancelSubscriptionItem((await subscriptionItem(w)).id, { endNow: false }),
  ExtendBillingSubscriptionItemFreeTrial: async (w) => {
    const item = await subscriptionItem(w);
    const end = item.periodEnd ?? Date.now();
    return w.clerk.billing.extendSubscriptionItemFreeTrial(item.id, { extendTo: new Date(end + 7 * 86_400_000) });
  },
};

/** Modelled operations @clerk/backend 3.25.0 has no method for (the clerk-fn unit tests cover them). */
export const NOT_IN_CLERK_BACKEND: Readonly<Record<string, string>> = {
  UsersBan: "no bulk ban method (users.banUser bans one)",
  UsersUnban: "no bulk unban method",
  ListUserTrustedDevices: "no trusted-device methods",
  RevokeUserTrustedDevice: "no trusted-device methods",
  PrepareEmailAddressVerification: "emailAddresses has no verification methods",
  AttemptEmailAddressVerification: "emailAddresses has no verification methods",
  PreparePhoneNumberVerification: "phoneNumbers has no verification methods",
  AttemptPhoneNumberVerification: "phoneNumbers has no verification methods",
  ListPendingOrganizationInvitations: "deprecated by Clerk; getOrganizationInvitationList({ status }) replaces it",
  ListInstanceOrganizationInvitations: "no instance-wide organization invitation list",
  ListAllOrganizationDomains: "no instance-wide organization domain list",
  VerifyOrganizationDomainOwnership: "no ownership verification method",
  GetBillingPriceList: "billing has no price methods",
  GetCommerceSubscriptionItemList: "billing has no subscription item list",
  GetUserBillingCreditBalance: "billing has no credit methods",
  AdjustUserBillingCreditBalance: "billing has no credit methods",
  GetOrganizationBillingCreditBalance: "billing has no credit methods",
  AdjustOrganizationBillingCreditBalance: "billing has no credit methods",
};
