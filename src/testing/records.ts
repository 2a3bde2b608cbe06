// Records of the resources added to the fake after its first tables (store.ts holds the
// maps): a user's factors and linked accounts, verifications, one-time tokens, redirect
// URLs, domains, waitlist entries, OAuth applications, organization domains and billing.
// Like store.ts, they stay close to their wire (snake_case) shape.

interface Base {
  readonly id: string;
  readonly seq: number;
  created_at: number;
  updated_at: number;
}

/** What a user has beyond its profile; kept apart so renderUser's spread never leaks a secret. */
export interface UserFactorsRecord {
  /** The password as set (CreateUser, UpdateUser, seed), for VerifyPassword. */
  password: string | null;
  password_compromised: boolean;
  password_last_updated_at: number | null;
  /** Base32 TOTP secret (CreateUser's `totp_secret`), or null. */
  totp_secret: string | null;
  backup_codes: string[];
  mfa_enabled_at: number | null;
  mfa_disabled_at: number | null;
  image_url: string | null;
  web3_wallets: Web3WalletRecord[];
  passkeys: PasskeyRecord[];
  external_accounts: ExternalAccountRecord[];
  trusted_devices: TrustedDeviceRecord[];
}

export interface Web3WalletRecord {
  readonly id: string;
  readonly web3_wallet: string;
  readonly created_at: number;
}

export interface PasskeyRecord {
  readonly id: string;
  readonly name: string;
  readonly created_at: number;
}

export interface ExternalAccountRecord {
  readonly id: string;
  /** e.g. "oauth_google". */
  readonly provider: string;
  readonly provider_user_id: string;
  readonly email_address: string;
  readonly access_token: string;
  readonly scopes: string[];
  readonly created_at: number;
}

export interface TrustedDeviceRecord {
  readonly id: string;
  readonly platform: "ios" | "android";
  readonly app_identifier: string;
  readonly name: string | null;
  status: "active" | "revoked";
  readonly created_at: number;
  updated_at: number;
  revoked_at: number | null;
}

/** A pending email/phone verification (PrepareEmailAddressVerification...). */
export interface VerificationRecord {
  readonly id: string;
  readonly identification_id: string;
  readonly strategy: "email_code" | "phone_code";
  attempts: number;
  status: "unverified" | "verified" | "failed" | "expired";
  readonly expire_at: number;
}

/** Sign-in tokens and actor tokens (impersonation): one-time tokens with a ticket URL. */
export interface TicketRecord extends Base {
  readonly kind: "sign_in_token" | "actor_token";
  readonly user_id: string;
  readonly token: string;
  status: "pending" | "accepted" | "revoked";
  readonly expire_at: number;
  readonly actor: Record<string, unknown> | null;
}

export interface RedirectUrlRecord extends Base {
  readonly url: string;
}

export interface DomainRecord extends Base {
  name: string;
  readonly is_satellite: boolean;
  proxy_url: string | null;
}

export interface WaitlistEntryRecord extends Base {
  readonly email_address: string;
  status: "pending" | "invited" | "rejected" | "completed";
  invitation_id: string | null;
}

export interface OAuthApplicationRecord extends Base {
  name: string;
  readonly client_id: string;
  client_secret: string;
  redirect_uris: string[];
  scopes: string;
  consent_screen_enabled: boolean;
  pkce_required: boolean;
  public: boolean;
}

export interface OrganizationDomainRecord extends Base {
  readonly organization_id: string;
  readonly name: string;
  enrollment_mode: "manual_invitation" | "automatic_invitation" | "automatic_suggestion" | "enterprise_sso";
  verified: boolean;
}

/** A billing plan of the instance (seeded: Clerk's plans are made in its Dashboard). */
export interface BillingPlanRecord extends Base {
  readonly name: string;
  readonly slug: string;
  readonly payer_type: "user" | "org";
  /** Monthly fee in cents. */
  readonly amount: number;
  readonly features: string[];
  readonly is_default: boolean;
}

/** One plan a payer (user or organization) is subscribed to. */
export interface SubscriptionItemRecord extends Base {
  readonly payer_id: string;
  readonly payer_type: "user" | "org";
  readonly plan_id: string;
  status: "active" | "canceled" | "ended" | "upcoming";
  is_free_trial: boolean;
  period_start: number;
  period_end: number | null;
  canceled_at: number | null;
  ended_at: number | null;
}

export interface CreditLedgerRecord {
  readonly id: string;
  readonly payer_id: string;
  /** Signed, in cents. */
  readonly amount: number;
  readonly idempotency_key: string;
  readonly note: string | null;
  readonly created_at: number;
}
