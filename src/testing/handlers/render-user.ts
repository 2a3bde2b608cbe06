// The User object as Clerk sends it: the record's fields over Clerk's defaults,
// its identifications and what its factors record holds (passwords, MFA, accounts).
import type { HandlerContext } from "../context.js";
import type { UserRecord } from "../store.js";
import { ADMIN_VERIFIED, identificationsOf, renderIdentification } from "./identifications.js";
import { PLACEHOLDER_IMAGE } from "./placeholder-image.js";

export function renderUser(ctx: HandlerContext, user: UserRecord): Record<string, unknown> {
  const { seq: _seq, ...fields } = user;
  return {
    object: "user",
    ...fields,
    primary_web3_wallet_id: null,
    // Deprecated in favour of image_url, and still sent by Clerk.
    profile_image_url: PLACEHOLDER_IMAGE,
    image_url: PLACEHOLDER_IMAGE,
    has_image: false,
    email_addresses: identificationsOf(ctx.store, user.id, "email_address").map(renderIdentification),
    phone_numbers: identificationsOf(ctx.store, user.id, "phone_number").map(renderIdentification),
    web3_wallets: [],
    passkeys: [],
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    password_last_updated_at: null,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: user.locked ? 0 : 100,
    ...renderUserFactors(ctx, user),
  };
}

/** The User fields that come from the factors record; renderUser spreads them over its defaults. */
function renderUserFactors(ctx: HandlerContext, user: UserRecord): Record<string, unknown> {
  const factors = ctx.store.userFactors.get(user.id);
  if (!factors) return {};
  const totp = factors.totp_secret !== null;
  const backup = factors.backup_codes.length > 0;
  return {
    image_url: factors.image_url ?? PLACEHOLDER_IMAGE,
    profile_image_url: factors.image_url ?? PLACEHOLDER_IMAGE,
    has_image: factors.image_url !== null,
    password_enabled: factors.password !== null,
    password_last_updated_at: factors.password_last_updated_at,
    totp_enabled: totp,
    backup_code_enabled: backup,
    two_factor_enabled: totp || backup,
    mfa_enabled_at: factors.mfa_enabled_at,
    mfa_disabled_at: factors.mfa_disabled_at,
    primary_web3_wallet_id: factors.web3_wallets[0]?.id ?? null,
    web3_wallets: factors.web3_wallets.map((wallet) => ({
      id: wallet.id,
      object: "web3_wallet",
      web3_wallet: wallet.web3_wallet,
      verification: ADMIN_VERIFIED,
      created_at: wallet.created_at,
      updated_at: wallet.created_at,
    })),
    passkeys: factors.passkeys.map((passkey) => ({
      id: passkey.id,
      object: "passkey",
      name: passkey.name,
      last_used_at: passkey.created_at,
      verification: {
        object: "verification_passkey",
        status: "verified",
        strategy: "passkey",
        attempts: null,
        expire_at: null,
      },
    })),
    external_accounts: factors.external_accounts.map((account) => ({
      object: "external_account",
      id: account.id,
      // Clerk still sends the old spelling of the id and of the picture (deprecated, spec-listed).
      external_account_id: account.id,
      avatar_url: "",
      provider: account.provider,
      identification_id: account.id.replace(/^eac_/, "idn_"),
      provider_user_id: account.provider_user_id,
      approved_scopes: account.scopes.join(" "),
      email_address: account.email_address,
      first_name: user.first_name ?? "",
      last_name: user.last_name ?? "",
      image_url: null,
      username: null,
      phone_number: null,
      public_metadata: {},
      label: null,
      created_at: account.created_at,
      updated_at: account.created_at,
      verification: {
        object: "verification_oauth",
        status: "verified",
        strategy: account.provider,
        attempts: null,
        expire_at: account.created_at + 600_000,
      },
    })),
  };
}
