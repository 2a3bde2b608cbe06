// The top-level fields each operation's JSON request body may carry, from the request schemas
// of bapi-2026-05-12.yml (for the bulk operations, the fields of one array item). A field not
// listed is 422 form_param_unknown, as Clerk answers. The fake ships without the spec, so
// this is a data table of the spec's facts; test/testing/request-fields.test.ts checks it
// against the spec, so it cannot drift silently. Operations whose body is not JSON
// (multipart uploads) or that declare no body are not listed and not checked.
import { FakeApiError } from "./errors.js";

const FIELDS: Readonly<Record<string, string>> = {
  VerifyClient: "token",
  CreateEmailAddress: "email_address notify_primary_email_address_changed primary user_id verified",
  UpdateEmailAddress: "notify_primary_email_address_changed primary verified",
  AttemptEmailAddressVerification: "code verification_id",
  ReplaceUserEmailAddress: "email_address identification_status notify_primary_email_address_changed",
  CreatePhoneNumber: "phone_number primary reserved_for_second_factor user_id verified",
  UpdatePhoneNumber: "primary reserved_for_second_factor verified",
  AttemptPhoneNumberVerification: "code verification_id",
  ReplaceUserPhoneNumber: "identification_status phone_number",
  createSession: "active_organization_id user_id",
  RefreshSession: "expired_token format refresh_token request_headers request_origin request_originating_ip",
  CreateSessionToken: "expires_in_seconds",
  CreateSessionTokenFromTemplate: "expires_in_seconds",
  UpsertTemplate: "body delivered_by_clerk from_email_name markup name reply_to_email_name subject",
  PreviewTemplate: "body from_email_name reply_to_email_name subject",
  ToggleTemplateDelivery: "delivered_by_clerk",
  CreateUser:
    "backup_codes banned bypass_client_trust create_organization_enabled create_organizations_limit created_at delete_self_enabled email_address email_address_identification_status external_id first_name last_name legal_accepted_at locale locked password password_digest password_hasher phone_number phone_number_identification_status private_metadata public_metadata skip_legal_checks skip_password_checks skip_password_requirement skip_user_requirement totp_secret unsafe_metadata username web3_wallet",
  UpdateUser:
    "backup_codes bypass_client_trust create_organization_enabled create_organizations_limit created_at delete_self_enabled external_id first_name last_name legal_accepted_at locale notify_primary_email_address_changed password password_digest password_hasher primary_email_address_id primary_phone_number_id primary_web3_wallet_id profile_image_id sign_out_of_other_sessions skip_legal_checks skip_password_checks totp_secret username",
  UsersBan: "user_ids",
  UsersUnban: "user_ids",
  UpdateUserMetadata: "private_metadata public_metadata unsafe_metadata",
  ReplaceUserMetadata: "private_metadata public_metadata unsafe_metadata",
  AdjustUserBillingCreditBalance: "action amount currency idempotency_key note",
  RemoveUserPassword: "sign_out_of_other_sessions",
  VerifyPassword: "password",
  VerifyTOTP: "code",
  SetUserPasswordCompromised: "revoke_all_sessions",
  CreateInvitation: "email_address expires_in_days ignore_existing notify public_metadata redirect_url template_slug",
  CreateBulkInvitations:
    "email_address expires_in_days ignore_existing notify public_metadata redirect_url template_slug",
  CreateAllowlistIdentifier: "identifier notify",
  CreateBlocklistIdentifier: "identifier",
  UpdateInstanceAuthConfig: "from_email_address progressive_sign_up restricted_to_allowlist test_mode",
  UpdateProductionInstanceDomain: "home_url is_secondary",
  CreateActorToken: "actor expires_in_seconds session_max_duration_in_seconds user_id",
  AddDomain: "is_satellite name proxy_url",
  UpdateDomain: "is_secondary name proxy_url",
  UpdateInstance:
    "allowed_origins clerk_js_version cookieless_dev development_origin hibp preferred_sign_in_strategy_when_password_required support_email test_mode url_based_session_syncing",
  UpdateInstanceRestrictions:
    "allowlist allowlist_blocklist_disabled_on_sign_in block_disposable_email_domains block_email_subaddresses blocklist",
  UpdateInstanceProtect: "rules_enabled specter_enabled",
  UpdateInstanceCommunication: "blocked_country_codes",
  UpdateInstanceOAuthApplicationSettings:
    "client_id_metadata_documents_advertised client_id_metadata_documents_block_implicitly_allowed_clients client_id_metadata_documents_only_allow_pre_registered_clients default_scopes dynamic_oauth_client_registration oauth_jwt_access_tokens",
  ChangeProductionInstanceDomain: "home_url is_secondary",
  UpdateInstanceOrganizationSettings:
    "admin_delete_enabled creator_role_id domains_default_role_id domains_enabled domains_enrollment_modes enabled max_allowed_memberships slug_disabled",
  CreateJWTTemplate: "allowed_clock_skew claims custom_signing_key lifetime name signing_algorithm signing_key",
  UpdateJWTTemplate: "allowed_clock_skew claims custom_signing_key lifetime name signing_algorithm signing_key",
  CreateMachine: "default_token_ttl name scoped_machines",
  UpdateMachine: "default_token_ttl name",
  RotateMachineSecretKey: "previous_token_ttl",
  CreateMachineScope: "to_machine_id",
  CreateOrganization:
    "created_at created_by max_allowed_memberships name private_metadata public_metadata role_set_key slug",
  UpdateOrganization: "admin_delete_enabled created_at max_allowed_memberships name role_set_key slug",
  MergeOrganizationMetadata: "private_metadata public_metadata",
  ReplaceOrganizationMetadata: "private_metadata public_metadata",
  AdjustOrganizationBillingCreditBalance: "action amount currency idempotency_key note",
  CreateOrganizationInvitation:
    "email_address expires_in_days inviter_user_id notify private_metadata public_metadata redirect_url role",
  CreateOrganizationInvitationBulk:
    "email_address expires_in_days inviter_user_id notify private_metadata public_metadata redirect_url role",
  RevokeOrganizationInvitation: "requesting_user_id",
  CreateOrganizationRole: "description include_in_initial_role_set key name permissions",
  UpdateOrganizationRole: "description key name permissions",
  CreateOrganizationMembership: "private_metadata public_metadata role user_id",
  UpdateOrganizationMembership: "role",
  UpdateOrganizationMembershipMetadata: "private_metadata public_metadata",
  CreateOrganizationDomain: "enrollment_mode name verified",
  UpdateOrganizationDomain: "enrollment_mode verified",
  VerifyDomainProxy: "domain_id proxy_url",
  CreateRedirectURL: "url",
  CreateSignInToken: "expires_in_seconds org_id user_id",
  UpdateSignUp: "custom_action external_id",
  CreateOAuthApplication: "callback_url consent_screen_enabled name pkce_required public redirect_uris scopes",
  UpdateOAuthApplication: "callback_url consent_screen_enabled name pkce_required public redirect_uris scopes",
  RevokeOAuthApplicationToken: "token",
  CreateSAMLConnection:
    "attribute_mapping domain domains force_authn idp_certificate idp_entity_id idp_metadata idp_metadata_url idp_sso_url login_hint name organization_id provider",
  UpdateSAMLConnection:
    "active allow_idp_initiated allow_organization_account_linking allow_subdomains attribute_mapping consent_verified_domains_deletion disable_additional_identifications domain domains force_authn idp_certificate idp_entity_id idp_metadata idp_metadata_url idp_sso_url login_hint name organization_id sync_user_attributes",
  CreateEnterpriseConnection:
    "active allow_organization_account_linking custom_attributes domains name oidc organization_id provider saml",
  UpdateEnterpriseConnection:
    "active allow_organization_account_linking custom_attributes disable_additional_identifications domains name oidc organization_id saml sync_user_attributes",
  CreateAgentTask: "agent_name on_behalf_of permissions redirect_url session_max_duration_in_seconds task_description",
  CreateWaitlistEntry: "email_address notify",
  CreateBulkWaitlistEntries: "email_address notify",
  InviteWaitlistEntry: "ignore_existing",
  CreateBillingPrice: "amount annual_monthly_amount currency description plan_id supported_billing_periods",
  ExtendBillingSubscriptionItemFreeTrial: "extend_to",
  CreateBillingPriceTransition: "from_price_id to_price_id",
  ApplyBillingSubscriptionItemDiscount: "discount_id",
  CreateOrganizationPermission: "description key name",
  UpdateOrganizationPermission: "description key name",
  CreateRoleSet: "creator_role_key default_role_key description key name roles type",
  UpdateRoleSet: "creator_role_key default_role_key description key name type",
  ReplaceRoleSet: "dest_role_set_key reassignment_mappings",
  AddRolesToRoleSet: "creator_role_key default_role_key role_keys",
  ReplaceRoleInRoleSet: "role_key to_role_key",
  CreateSCIMDirectory: "enterprise_connection_id group_role_mappings name provider",
  UpdateSCIMDirectory: "attribute_mapping enabled group_role_mapping_enabled name provider",
  CreateSCIMGroupRoleMapping: "precedence role_id scim_group_id",
  ReplaceSCIMGroupRoleMappings: "mappings",
  CreateDirectory: "enterprise_connection_id group_role_mappings name provider",
  UpdateDirectory: "attribute_mapping enabled group_role_mapping_enabled name provider",
  CreateDirectoryGroupRoleMapping: "directory_group_id precedence role_id scim_group_id",
  ReplaceDirectoryGroupRoleMappings: "mappings",
  createAdminPortalLinkToken: "it_contact_id organization_id scopes seconds_until_expiration",
  revokeAdminPortalLinkToken: "revocation_reason",
  createApiKey: "claims created_by description name scopes seconds_until_expiration subject type",
  updateApiKey: "claims description scopes seconds_until_expiration subject",
  revokeApiKey: "revocation_reason",
  verifyApiKey: "secret",
  createM2MToken: "claims min_remaining_ttl_seconds seconds_until_expiration token_format",
  revokeM2MToken: "revocation_reason",
  verifyM2MToken: "token",
  verifyOAuthAccessToken: "access_token secret",
};

const ALLOWED: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(FIELDS).map(([operationId, names]) => [operationId, new Set(names.split(" ").filter(Boolean))]),
);

/** The spec's body fields of an operation (undefined when the spec declares no JSON body). */
export const requestFieldsOf = (operationId: string): ReadonlySet<string> | undefined => ALLOWED.get(operationId);

const unknownParam = (name: string): FakeApiError =>
  new FakeApiError(422, [
    {
      code: "form_param_unknown",
      message: "is unknown",
      long_message: `${name} is not a valid parameter for this request.`,
      meta: { param_name: name },
    },
  ]);

/** Throws 422 form_param_unknown for the first body field the operation's schema does not have. */
export function checkRequestFields(operationId: string, body: unknown): void {
  const allowed = ALLOWED.get(operationId);
  if (!allowed || body === null || typeof body !== "object") return;
  for (const item of Array.isArray(body) ? body : [body]) {
    if (item === null || typeof item !== "object" || Array.isArray(item)) continue;
    for (const name of Object.keys(item)) if (!allowed.has(name)) throw unknownParam(name);
  }
}
