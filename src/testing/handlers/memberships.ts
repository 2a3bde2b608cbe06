// Organization memberships: create, list (with Clerk's filters), change role, metadata, delete.
import { param, type HandlerContext, type Handlers } from "../context.js";
import { permissionKeysOf, requireRole, roleByKey } from "../catalog.js";
import { alreadyAMember, notFound } from "../errors.js";
import { clerkId } from "../ids.js";
import { matchesQuery, orderBy, page, queryIdFilter, queryList } from "../listing.js";
import { applyMetadata, type Metadata } from "../metadata.js";
import type { MembershipRecord, OrganizationRecord, UserRecord } from "../store.js";
import { validateBody } from "../validate.js";
import { identificationsOf, primaryIdentifier } from "./identifications.js";
import { findOrganization, findUser, membershipOf } from "./lookup.js";
import { assertQuota, renderOrganization } from "./organization-shape.js";
import { PLACEHOLDER_IMAGE } from "./placeholder-image.js";
import { clearActiveOrganization } from "./sessions.js";

/** The role's name in the catalog ("Admin"); a role deleted since keeps its key as name. */
export const roleName = (ctx: HandlerContext, role: string): string => roleByKey(ctx.store, role)?.name ?? role;

export function renderMembership(ctx: HandlerContext, membership: MembershipRecord): Record<string, unknown> {
  const organization = ctx.store.organizations.get(membership.organization_id);
  const user = ctx.store.users.get(membership.user_id);
  return {
    object: "organization_membership",
    id: membership.id,
    role: membership.role,
    role_name: roleName(ctx, membership.role),
    permissions: permissionKeysOf(ctx.store, membership.role),
    public_metadata: membership.public_metadata,
    private_metadata: membership.private_metadata,
    organization: organization ? renderOrganization(ctx, organization) : undefined,
    public_user_data: {
      user_id: membership.user_id,
      first_name: user?.first_name ?? null,
      last_name: user?.last_name ?? null,
      profile_image_url: PLACEHOLDER_IMAGE,
      image_url: PLACEHOLDER_IMAGE,
      has_image: false,
      identifier: user ? primaryIdentifier(ctx, user) : null,
      username: user?.username ?? null,
      banned: user?.banned ?? false,
    },
    created_at: membership.created_at,
    updated_at: membership.updated_at,
  };
}

/** Adds a user to an organization (also used for the creator and for `seed`). */
export function addMembership(
  ctx: HandlerContext,
  organization: OrganizationRecord,
  user: UserRecord,
  role: string,
  publicMetadata: Metadata,
  privateMetadata: Metadata,
): MembershipRecord {
  requireRole(ctx, role);
  if (membershipOf(ctx, organization.id, user.id)) throw alreadyAMember(user.id);
  assertQuota(ctx, organization);
  const now = ctx.now();
  const membership: MembershipRecord = {
    id: clerkId("orgmem"),
    seq: ctx.nextSeq(),
    organization_id: organization.id,
    user_id: user.id,
    role,
    public_metadata: publicMetadata,
    private_metadata: privateMetadata,
    created_at: now,
    updated_at: now,
  };
  ctx.store.memberships.set(membership.id, membership);
  ctx.emit("organizationMembership.created", renderMembership(ctx, membership));
  return membership;
}

function findMembership(ctx: HandlerContext): MembershipRecord {
  const organization = findOrganization(ctx, param(ctx, "organization_id"));
  const membership = membershipOf(ctx, organization.id, param(ctx, "user_id"));
  if (!membership) throw notFound("Organization membership");
  return membership;
}

function createMembership(ctx: HandlerContext) {
  const organization = findOrganization(ctx, param(ctx, "organization_id"));
  const body = validateBody(ctx.body, {
    user_id: { type: "string", required: true },
    role: { type: "string", required: true },
    public_metadata: { type: "object", nullable: true },
    private_metadata: { type: "object", nullable: true },
  });
  const user = findUser(ctx, body["user_id"] as string);
  const membership = addMembership(
    ctx,
    organization,
    user,
    body["role"] as string,
    (body["public_metadata"] as Metadata | null) ?? {},
    (body["private_metadata"] as Metadata | null) ?? {},
  );
  return renderMembership(ctx, membership);
}

function listMemberships(ctx: HandlerContext) {
  const organization = findOrganization(ctx, param(ctx, "organization_id"));
  const { query, store } = ctx;
  const userIds = queryIdFilter(query, "user_id");
  const roles = new Set(queryList(query, "role"));
  const emails = new Set(queryList(query, "email_address").map((e) => e.toLowerCase()));
  const text = query.get("query");
  const matching = store.memberships.by("organization", organization.id).filter((m) => {
    if (!userIds.admits(m.user_id)) return false;
    if (roles.size && !roles.has(m.role)) return false;
    const user = store.users.get(m.user_id);
    const userEmails = user ? identificationsOf(store, user.id, "email_address").map((r) => r.value) : [];
    if (emails.size && !userEmails.some((e) => emails.has(e.toLowerCase()))) return false;
    if (text && !matchesQuery(text, [m.user_id, user?.first_name, user?.last_name, user?.username, ...userEmails]))
      return false;
    return true;
  });
  const userOf = (m: MembershipRecord) => store.users.get(m.user_id);
  const sorted = orderBy(
    matching,
    query,
    {
      created_at: (m) => m.created_at,
      role: (m) => m.role,
      first_name: (m) => userOf(m)?.first_name,
      last_name: (m) => userOf(m)?.last_name,
      username: (m) => userOf(m)?.username,
      email_address: (m) => {
        const u = userOf(m);
        return u ? primaryIdentifier(ctx, u) : null;
      },
    },
    "-created_at",
  );
  return { data: page(sorted, query).map((m) => renderMembership(ctx, m)), total_count: matching.length };
}

function changed(ctx: HandlerContext, membership: MembershipRecord): Record<string, unknown> {
  membership.updated_at = ctx.now();
  const rendered = renderMembership(ctx, membership);
  ctx.emit("organizationMembership.updated", rendered);
  return rendered;
}

function updateRole(ctx: HandlerContext) {
  const membership = findMembership(ctx);
  const body = validateBody(ctx.body, { role: { type: "string", required: true } });
  requireRole(ctx, body["role"] as string);
  membership.role = body["role"] as string;
  return changed(ctx, membership);
}

function updateMetadata(ctx: HandlerContext) {
  const membership = findMembership(ctx);
  const body = validateBody(ctx.body, { public_metadata: { type: "object" }, private_metadata: { type: "object" } });
  applyMetadata(membership, body, ["public_metadata", "private_metadata"], false);
  return changed(ctx, membership);
}

function deleteMembership(ctx: HandlerContext) {
  const membership = findMembership(ctx);
  ctx.store.memberships.delete(membership.id);
  clearActiveOrganization(ctx, membership.organization_id, membership.user_id);
  const rendered = renderMembership(ctx, membership);
  ctx.emit("organizationMembership.deleted", rendered);
  return rendered;
}

function userMemberships(ctx: HandlerContext) {
  const user = findUser(ctx, param(ctx, "user_id"));
  const matching = ctx.store.memberships.by("user", user.id);
  const sorted = orderBy(matching, ctx.query, { created_at: (m) => m.created_at }, "-created_at");
  return { data: page(sorted, ctx.query).map((m) => renderMembership(ctx, m)), total_count: matching.length };
}

export const membershipHandlers: Handlers = {
  CreateOrganizationMembership: createMembership,
  ListOrganizationMemberships: listMemberships,
  UpdateOrganizationMembership: updateRole,
  UpdateOrganizationMembershipMetadata: updateMetadata,
  DeleteOrganizationMembership: deleteMembership,
  UsersGetOrganizationMemberships: userMemberships,
};
