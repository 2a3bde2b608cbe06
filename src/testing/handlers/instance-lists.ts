// Instance-wide lists across organizations: every membership, every organization invitation,
// and the invitations addressed to one user (with the inviting organization's public data).
import { param, type HandlerContext, type Handlers } from "../context.js";
import { matchesQuery, orderBy, page } from "../listing.js";
import type { OrganizationInvitationRecord } from "../store.js";
import { identificationsOf } from "./identifications.js";
import { findUser } from "./lookup.js";
import { primaryIdentifier } from "./identifications.js";
import { renderMembership } from "./memberships.js";
import { renderOrganizationInvitation } from "./organization-invitations.js";
import { publicOrganizationData } from "./organization-shape.js";

const STATUSES = ["pending", "accepted", "revoked", "expired"];

function listMemberships(ctx: HandlerContext) {
  const user = (id: string) => ctx.store.users.get(id);
  const sorted = orderBy(
    [...ctx.store.memberships.values()],
    ctx.query,
    {
      created_at: (m) => m.created_at,
      first_name: (m) => user(m.user_id)?.first_name,
      last_name: (m) => user(m.user_id)?.last_name,
      username: (m) => user(m.user_id)?.username,
      email_address: (m) => {
        const found = user(m.user_id);
        return found ? primaryIdentifier(ctx, found) : null;
      },
      phone_number: (m) => {
        const id = user(m.user_id)?.primary_phone_number_id;
        return id ? ctx.store.identifications.get(id)?.value : null;
      },
    },
    "-created_at",
  );
  return { data: page(sorted, ctx.query).map((m) => renderMembership(ctx, m)), total_count: sorted.length };
}

function withOrganizationData(ctx: HandlerContext, invitation: OrganizationInvitationRecord) {
  const organization = ctx.store.organizations.get(invitation.organization_id);
  return {
    ...renderOrganizationInvitation(ctx, invitation),
    public_organization_data: publicOrganizationData(organization),
  };
}

function invitationsPage(ctx: HandlerContext, matching: OrganizationInvitationRecord[]) {
  const status = ctx.query.get("status");
  const filtered = matching.filter((i) => !status || !STATUSES.includes(status) || i.status === status);
  const sorted = orderBy(
    filtered,
    ctx.query,
    { created_at: (i) => i.created_at, email_address: (i) => i.email_address },
    "-created_at",
  );
  return { data: page(sorted, ctx.query).map((i) => withOrganizationData(ctx, i)), total_count: sorted.length };
}

function listAllInvitations(ctx: HandlerContext) {
  const text = ctx.query.get("query");
  const matching = [...ctx.store.organizationInvitations.values()].filter(
    (i) => !text || matchesQuery(text, [i.email_address, i.organization_id]),
  );
  return invitationsPage(ctx, matching);
}

function listUserInvitations(ctx: HandlerContext) {
  const user = findUser(ctx, param(ctx, "user_id"));
  const addresses = new Set(identificationsOf(ctx.store, user.id, "email_address").map((e) => e.value.toLowerCase()));
  const matching = [...ctx.store.organizationInvitations.values()].filter((i) =>
    addresses.has(i.email_address.toLowerCase()),
  );
  return invitationsPage(ctx, matching);
}

export const instanceListHandlers: Handlers = {
  InstanceGetOrganizationMemberships: listMemberships,
  ListInstanceOrganizationInvitations: listAllInvitations,
  UsersGetOrganizationInvitations: listUserInvitations,
};
