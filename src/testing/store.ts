// The fake's state. Records are kept close to their wire (snake_case) shape; the
// `render*` functions in the handler files add what is derived (nested objects, counts).
// `seq` is the creation order, the tie-breaker that keeps listings stable.
import { IndexedTable } from "./indexed-table.js";
import type { Metadata } from "./metadata.js";
import type * as More from "./records.js";

interface Base {
  readonly id: string;
  readonly seq: number;
  created_at: number;
  updated_at: number;
}

export interface UserRecord extends Base {
  external_id: string | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  locale: string | null;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  password_enabled: boolean;
  public_metadata: Metadata;
  private_metadata: Metadata;
  unsafe_metadata: Metadata;
  banned: boolean;
  locked: boolean;
  delete_self_enabled: boolean;
  create_organization_enabled: boolean;
  create_organizations_limit: number | null;
  legal_accepted_at: number | null;
  last_sign_in_at: number | null;
  last_active_at: number | null;
}

export interface IdentificationRecord extends Base {
  readonly kind: "email_address" | "phone_number";
  readonly user_id: string;
  /** The address or number itself. */
  readonly value: string;
  verified: boolean;
  reserved_for_second_factor: boolean;
}

export interface OrganizationRecord extends Base {
  name: string;
  slug: string;
  created_by: string | null;
  max_allowed_memberships: number;
  admin_delete_enabled: boolean;
  public_metadata: Metadata;
  private_metadata: Metadata;
}

export interface MembershipRecord extends Base {
  readonly organization_id: string;
  readonly user_id: string;
  role: string;
  public_metadata: Metadata;
  private_metadata: Metadata;
}

export interface OrganizationInvitationRecord extends Base {
  readonly organization_id: string;
  readonly email_address: string;
  readonly role: string;
  readonly inviter_id: string | null;
  status: "pending" | "accepted" | "revoked" | "expired";
  public_metadata: Metadata;
  private_metadata: Metadata;
  readonly url: string | null;
  readonly expires_at: number | null;
}

export interface InvitationRecord extends Base {
  readonly email_address: string;
  public_metadata: Metadata;
  status: "pending" | "accepted" | "revoked" | "expired";
  readonly url: string | undefined;
  readonly expires_at: number | null;
}

export interface ListIdentifierRecord extends Base {
  readonly identifier: string;
  readonly identifier_type: "email_address" | "phone_number" | "web3_wallet";
}

export interface SessionRecord extends Base {
  readonly user_id: string;
  readonly client_id: string;
  status: "active" | "revoked" | "ended" | "expired" | "removed" | "abandoned" | "replaced" | "pending";
  last_active_organization_id: string | null;
  last_active_at: number;
  expire_at: number;
  abandon_at: number;
}

export interface JwtTemplateRecord extends Base {
  name: string;
  claims: Metadata;
  lifetime: number;
  allowed_clock_skew: number;
}

/** API keys, M2M tokens and OAuth access tokens: opaque secrets Clerk verifies. */
export interface MachineTokenRecord extends Base {
  readonly kind: "api_key" | "m2m_token" | "oauth_token";
  /** The secret the holder presents (ak_…, mt_…, oat_…). */
  readonly secret: string;
  readonly subject: string;
  name: string;
  description: string | null;
  claims: Metadata | null;
  scopes: string[];
  revoked: boolean;
  revocation_reason: string | null;
  /** Expiry in ms, or null for never. */
  expiration: number | null;
  readonly created_by: string | null;
  last_used_at: number | null;
  readonly client_id: string | null;
}

export interface MachineRecord extends Base {
  name: string;
  secret_key: string;
  default_token_ttl: number;
  scoped_machines: string[];
}

/** Organization permissions: Clerk's system ones (org:sys_…) and the instance's own. */
export interface PermissionRecord extends Base {
  name: string;
  key: string;
  description: string;
  readonly type: "system" | "custom";
}

export interface RoleRecord extends Base {
  name: string;
  key: string;
  description: string | null;
  is_creator_eligible: boolean;
  /** Permission ids, in the order they were given. */
  permission_ids: string[];
}

export interface RoleSetRecord extends Base {
  name: string;
  key: string;
  description: string | null;
  /** "initial": the role set of organizations that name none (one per instance). */
  type: "initial" | "custom";
  /** Role ids, in the order they were added. */
  role_ids: string[];
  default_role_id: string;
  creator_role_id: string;
}

export interface Store {
  readonly instanceId: string;
  /** Next creation sequence number. */
  seq: number;
  readonly users: Map<string, UserRecord>;
  /** Indexed by owner: a user's addresses are a lookup (listing users stays linear). */
  readonly identifications: IndexedTable<IdentificationRecord, "user" | "value">;
  readonly organizations: Map<string, OrganizationRecord>;
  readonly memberships: IndexedTable<MembershipRecord, "user" | "organization">;
  readonly organizationInvitations: IndexedTable<OrganizationInvitationRecord, "organization">;
  readonly invitations: Map<string, InvitationRecord>;
  readonly allowlist: Map<string, ListIdentifierRecord>;
  readonly blocklist: Map<string, ListIdentifierRecord>;
  readonly sessions: Map<string, SessionRecord>;
  readonly jwtTemplates: Map<string, JwtTemplateRecord>;
  readonly machineTokens: Map<string, MachineTokenRecord>;
  readonly machines: Map<string, MachineRecord>;
  // The tables of records.ts (by user id for userFactors, by identification id for verifications).
  readonly userFactors: Map<string, More.UserFactorsRecord>;
  readonly verifications: Map<string, More.VerificationRecord>;
  readonly tickets: Map<string, More.TicketRecord>;
  readonly redirectUrls: Map<string, More.RedirectUrlRecord>;
  readonly domains: Map<string, More.DomainRecord>;
  readonly waitlistEntries: Map<string, More.WaitlistEntryRecord>;
  readonly oauthApplications: Map<string, More.OAuthApplicationRecord>;
  readonly organizationDomains: Map<string, More.OrganizationDomainRecord>;
  readonly billingPlans: Map<string, More.BillingPlanRecord>;
  readonly subscriptionItems: Map<string, More.SubscriptionItemRecord>;
  readonly creditLedger: Map<string, More.CreditLedgerRecord>;
  readonly permissions: Map<string, PermissionRecord>;
  readonly roles: Map<string, RoleRecord>;
  readonly roleSets: Map<string, RoleSetRecord>;
}

/** Addresses are unique per kind, compared without case. */
export const identifierKey = (kind: IdentificationRecord["kind"], value: string): string =>
  `${kind}:${value.toLowerCase()}`;

export function createStore(instanceId: string): Store {
  return {
    instanceId,
    seq: 0,
    users: new Map(),
    identifications: new IndexedTable({
      user: (record: IdentificationRecord) => record.user_id,
      value: (record: IdentificationRecord) => identifierKey(record.kind, record.value),
    }),
    organizations: new Map(),
    memberships: new IndexedTable({
      user: (record: MembershipRecord) => record.user_id,
      organization: (record: MembershipRecord) => record.organization_id,
    }),
    organizationInvitations: new IndexedTable({
      organization: (record: OrganizationInvitationRecord) => record.organization_id,
    }),
    invitations: new Map(),
    allowlist: new Map(),
    blocklist: new Map(),
    sessions: new Map(),
    jwtTemplates: new Map(),
    machineTokens: new Map(),
    machines: new Map(),
    userFactors: new Map(),
    verifications: new Map(),
    tickets: new Map(),
    redirectUrls: new Map(),
    domains: new Map(),
    waitlistEntries: new Map(),
    oauthApplications: new Map(),
    organizationDomains: new Map(),
    billingPlans: new Map(),
    subscriptionItems: new Map(),
    creditLedger: new Map(),
    permissions: new Map(),
    roles: new Map(),
    roleSets: new Map(),
  };
}

/** Empties every table in place (the store object itself is shared by the handlers). */
export function clearStore(store: Store): void {
  store.seq = 0;
  for (const value of Object.values(store)) if (value instanceof Map) value.clear();
}
