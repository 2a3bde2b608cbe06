// Bodies as Clerk's API sends them (wire names, every required field of the
// spec), shared by every suite that answers as Clerk would.

/** An email address as Clerk sends it. */
export function wireEmailAddress(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "idn_1",
    object: "email_address",
    email_address: "ada@example.com",
    reserved: false,
    verification: { object: "verification_otp", status: "verified", strategy: "email_code", attempts: 1, expire_at: 1 },
    linked_to: [],
    created_at: 1700000000000,
    updated_at: 1700000000001,
    ...overrides,
  };
}

/** A User as Clerk sends it, with every required field (plus one field the spec does not know, which decoding must ignore). */
export function wireUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "user_1",
    object: "user",
    username: null,
    first_name: "Ada",
    last_name: null,
    has_image: false,
    primary_email_address_id: "idn_1",
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password_enabled: true,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    email_addresses: [wireEmailAddress()],
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    public_metadata: { plan_tier: "pro", nested_value: { keep_me: true } },
    external_id: null,
    last_sign_in_at: null,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: null,
    created_at: 1700000000000,
    updated_at: 1700000000001,
    delete_self_enabled: true,
    create_organization_enabled: true,
    last_active_at: null,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    legal_accepted_at: null,
    a_field_added_later: "ignored",
    ...overrides,
  };
}

/** Clerk's error body: one entry with `code` and `message`, and the trace id Clerk adds. */
export function wireClerkErrors(code: string, message: string, traceId: string): Record<string, unknown> {
  return { errors: [{ code, message, long_message: message, meta: {} }], meta: {}, clerk_trace_id: traceId };
}
