// A user's factors and linked accounts: password (verify, remove, compromised), TOTP and
// backup codes (verify, delete, disable MFA), profile image, web3 wallets, passkeys,
// external accounts (and their OAuth access tokens) and trusted devices. The state lives in
// store.userFactors (records.ts), apart from the user record, so no secret reaches a body.
import { param, type HandlerContext, type Handlers } from "../context.js";
import { FakeApiError, notFound } from "../errors.js";
import { clerkId, secret } from "../ids.js";
import { page, queryBool } from "../listing.js";
import type { UserFactorsRecord } from "../records.js";
import type { UserRecord } from "../store.js";
import { base32ToBytes, totpMatches } from "../totp.js";
import { formatInvalid } from "../errors.js";
import { validateBody, type Body } from "../validate.js";
import { findUser, touchUser } from "./lookup.js";
import { revokeSessionsOf } from "./session-actions.js";
import { renderUser } from "./render-user.js";

const fail = (status: number, code: string, message: string, longMessage: string): FakeApiError =>
  new FakeApiError(status, [{ code, message, long_message: longMessage, meta: {} }]);

/** The user's factors record, made empty on first use. */
function factorsOf(ctx: HandlerContext, userId: string): UserFactorsRecord {
  let factors = ctx.store.userFactors.get(userId);
  if (!factors) {
    factors = {
      password: null,
      password_compromised: false,
      password_last_updated_at: null,
      totp_secret: null,
      backup_codes: [],
      mfa_enabled_at: null,
      mfa_disabled_at: null,
      image_url: null,
      web3_wallets: [],
      passkeys: [],
      external_accounts: [],
      trusted_devices: [],
    };
    ctx.store.userFactors.set(userId, factors);
  }
  return factors;
}

/** Records a password set by CreateUser or UpdateUser (it is never rendered). */
export function rememberPassword(ctx: HandlerContext, userId: string, password: unknown): void {
  if (typeof password !== "string") return;
  const factors = factorsOf(ctx, userId);
  factors.password = password;
  factors.password_compromised = false;
  factors.password_last_updated_at = ctx.now();
}

/** CreateUser's factor fields (declared in users.ts), checked before the user is stored. */
export function checkUserFactors(body: Body): void {
  const totp = body["totp_secret"];
  if (typeof totp === "string" && !base32ToBytes(totp)) throw formatInvalid("totp_secret", "must be a base32 secret");
}

/** Stores CreateUser's password, TOTP secret, backup codes and web3 wallets for a new user. */
export function setUpUserFactors(ctx: HandlerContext, user: UserRecord, body: Body): void {
  rememberPassword(ctx, user.id, body["password"]);
  const factors = factorsOf(ctx, user.id);
  const now = ctx.now();
  if (typeof body["totp_secret"] === "string") factors.totp_secret = body["totp_secret"];
  factors.backup_codes = [...((body["backup_codes"] as string[] | undefined) ?? [])];
  if (factors.totp_secret || factors.backup_codes.length) factors.mfa_enabled_at = now;
  for (const address of (body["web3_wallet"] as string[] | undefined) ?? [])
    factors.web3_wallets.push({ id: clerkId("idn"), web3_wallet: address, created_at: now });
}

/** What a seed can give a user that the Backend API cannot create (it comes from sign-ins). */
export interface SeedUserAccounts {
  /** e.g. [{ provider: "oauth_google", emailAddress: "ada@gmail.com", accessToken: "ya29..." }] */
  readonly externalAccounts?: ReadonlyArray<{
    readonly provider: string;
    readonly emailAddress: string;
    readonly providerUserId?: string;
    readonly accessToken?: string;
    readonly scopes?: readonly string[];
  }>;
  readonly passkeys?: ReadonlyArray<{ readonly name: string }>;
  readonly trustedDevices?: ReadonlyArray<{
    readonly platform: "ios" | "android";
    readonly appIdentifier: string;
    readonly name?: string;
  }>;
  /** Base32 TOTP secret, as CreateUser's `totp_secret`. */
  readonly totpSecret?: string;
  readonly backupCodes?: readonly string[];
  readonly web3Wallets?: readonly string[];
}

export function seedUserAccounts(ctx: HandlerContext, userId: string, seed: SeedUserAccounts): void {
  const factors = factorsOf(ctx, userId);
  const now = ctx.now();
  for (const account of seed.externalAccounts ?? []) {
    if (!/^oauth_(?:(?:token_)|(?:custom_))?[a-z]+$/.test(account.provider))
      throw formatInvalid("externalAccounts.provider", "must be an OAuth provider such as oauth_google");
    factors.external_accounts.push({
      id: clerkId("eac"),
      provider: account.provider,
      provider_user_id: account.providerUserId ?? secret("", 21),
      email_address: account.emailAddress,
      access_token: account.accessToken ?? secret("fake_oauth_"),
      scopes: [...(account.scopes ?? ["email", "profile"])],
      created_at: now,
    });
  }
  for (const passkey of seed.passkeys ?? [])
    factors.passkeys.push({ id: clerkId("idn"), name: passkey.name, created_at: now });
  for (const device of seed.trustedDevices ?? [])
    factors.trusted_devices.push({
      id: clerkId("td"),
      platform: device.platform,
      app_identifier: device.appIdentifier,
      name: device.name ?? null,
      status: "active",
      created_at: now,
      updated_at: now,
      revoked_at: null,
    });
}

/** Renders the user after a change to its factors, stamping and announcing it (user.updated). */
function userChanged(ctx: HandlerContext, user: UserRecord): Record<string, unknown> {
  touchUser(ctx, user);
  const rendered = renderUser(ctx, user);
  ctx.emit("user.updated", rendered);
  return rendered;
}

function withUser(run: (ctx: HandlerContext, user: UserRecord, factors: UserFactorsRecord) => unknown) {
  return (ctx: HandlerContext) => {
    const user = findUser(ctx, param(ctx, "user_id"));
    return run(ctx, user, factorsOf(ctx, user.id));
  };
}

const verifyPassword = withUser((ctx, _user, factors) => {
  const body = validateBody(ctx.body, { password: { type: "string", required: true } });
  if (factors.password === null) throw fail(400, "password_not_set", "no password", "This user has no password set.");
  if (body["password"] !== factors.password)
    throw fail(
      422,
      "incorrect_password",
      "Password is incorrect",
      "The password given does not match the user's password.",
    );
  return { verified: true };
});

const verifyTotp = withUser(async (ctx, user, factors) => {
  const body = validateBody(ctx.body, { code: { type: "string", required: true } });
  const code = (body["code"] as string).trim();
  if (factors.totp_secret === null && factors.backup_codes.length === 0)
    throw fail(400, "totp_not_enabled", "TOTP not enabled", "This user has neither TOTP nor backup codes set up.");
  if (factors.totp_secret !== null && (await totpMatches(factors.totp_secret, code, ctx.now())))
    return { verified: true, code_type: "totp" };
  const backup = factors.backup_codes.indexOf(code);
  if (backup >= 0) {
    // A backup code is good once (Clerk consumes it).
    factors.backup_codes.splice(backup, 1);
    touchUser(ctx, user);
    return { verified: true, code_type: "backup_code" };
  }
  throw fail(
    422,
    "form_code_incorrect",
    "Incorrect code",
    "The code given is neither the current TOTP nor an unused backup code.",
  );
});

function disableFactors(which: "all" | "totp" | "backup_codes") {
  return withUser((ctx, user, factors) => {
    if (which !== "backup_codes") factors.totp_secret = null;
    if (which !== "totp") factors.backup_codes = [];
    if (!factors.totp_secret && factors.backup_codes.length === 0 && factors.mfa_enabled_at !== null) {
      factors.mfa_enabled_at = null;
      factors.mfa_disabled_at = ctx.now();
    }
    userChanged(ctx, user);
    return { user_id: user.id };
  });
}

const setProfileImage = withUser((ctx, user, factors) => {
  const body = ctx.body as Record<string, unknown> | undefined;
  const file = body?.["file"];
  if (!file || typeof file !== "object")
    throw fail(400, "form_param_missing", "missing file", "file must be included (multipart/form-data).");
  factors.image_url = `https://img.clerk.com/fake/${clerkId("img")}`;
  return userChanged(ctx, user);
});

const deleteProfileImage = withUser((ctx, user, factors) => {
  factors.image_url = null;
  return userChanged(ctx, user);
});

function removeLinked(list: "web3_wallets" | "passkeys" | "external_accounts", idParam: string, object: string) {
  return withUser((ctx, user, factors) => {
    const id = param(ctx, idParam);
    const items: Array<{ id: string }> = factors[list];
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) throw notFound(object.replace(/_/g, " "));
    items.splice(index, 1);
    userChanged(ctx, user);
    return { object, id, deleted: true };
  });
}

function setCompromised(compromised: boolean) {
  return withUser((ctx, user, factors) => {
    const body = validateBody(ctx.body, { revoke_all_sessions: { type: "boolean", nullable: true } });
    if (factors.password === null) throw fail(400, "password_not_set", "no password", "This user has no password set.");
    factors.password_compromised = compromised;
    if (compromised && body["revoke_all_sessions"] === true) revokeSessionsOf(ctx, user.id);
    return userChanged(ctx, user);
  });
}

const removePassword = withUser((ctx, user, factors) => {
  const body = validateBody(ctx.body, { sign_out_of_other_sessions: { type: "boolean" } });
  if (factors.password === null) throw fail(400, "password_not_set", "no password", "This user has no password set.");
  factors.password = null;
  factors.password_compromised = false;
  user.password_enabled = false;
  if (body["sign_out_of_other_sessions"] === true) revokeSessionsOf(ctx, user.id);
  return userChanged(ctx, user);
});

function renderTrustedDevice(device: UserFactorsRecord["trusted_devices"][number]): Record<string, unknown> {
  return { object: "trusted_device", ...device, algorithm: "ES256", last_used_at: null };
}

const listTrustedDevices = withUser((_ctx, _user, factors) => ({
  data: factors.trusted_devices.map(renderTrustedDevice),
  total_count: factors.trusted_devices.length,
}));

const revokeTrustedDevice = withUser((ctx, _user, factors) => {
  const device = factors.trusted_devices.find((d) => d.id === param(ctx, "trusted_device_id"));
  if (!device) throw notFound("Trusted device");
  if (device.status !== "revoked") {
    device.status = "revoked";
    device.revoked_at = ctx.now();
    device.updated_at = device.revoked_at;
  }
  return renderTrustedDevice(device);
});

const oauthAccessTokens = withUser((ctx, _user, factors) => {
  const provider = param(ctx, "provider");
  const tokens = factors.external_accounts
    .filter((account) => account.provider === provider)
    .map((account) => ({
      object: "oauth_access_token",
      external_account_id: account.id,
      provider_user_id: account.provider_user_id,
      token: account.access_token,
      expires_at: null,
      provider: account.provider,
      public_metadata: {},
      label: null,
      scopes: account.scopes,
    }));
  const paged = page(tokens, ctx.query);
  return queryBool(ctx.query, "paginated") ? { data: paged, total_count: tokens.length } : paged;
});

export const userFactorHandlers: Handlers = {
  VerifyPassword: verifyPassword,
  VerifyTOTP: verifyTotp,
  DisableMFA: disableFactors("all"),
  DeleteTOTP: disableFactors("totp"),
  DeleteBackupCode: disableFactors("backup_codes"),
  SetUserProfileImage: setProfileImage,
  DeleteUserProfileImage: deleteProfileImage,
  UserWeb3WalletDelete: removeLinked("web3_wallets", "web3_wallet_identification_id", "web3_wallet"),
  UserPasskeyDelete: removeLinked("passkeys", "passkey_identification_id", "passkey"),
  DeleteExternalAccount: removeLinked("external_accounts", "external_account_id", "external_account"),
  SetUserPasswordCompromised: setCompromised(true),
  UnsetUserPasswordCompromised: setCompromised(false),
  RemoveUserPassword: removePassword,
  ListUserTrustedDevices: listTrustedDevices,
  RevokeUserTrustedDevice: revokeTrustedDevice,
  GetOAuthAccessToken: oauthAccessTokens,
};
