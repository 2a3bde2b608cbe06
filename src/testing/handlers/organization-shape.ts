// The wire shape of an organization. members_count and pending_invitations_count are
// derived from the memberships and invitations on every answer, so they cannot drift.
import type { HandlerContext } from "../context.js";
import type { OrganizationRecord } from "../store.js";
import { PLACEHOLDER_IMAGE } from "./placeholder-image.js";

export const membersCount = (ctx: HandlerContext, organizationId: string): number =>
  [...ctx.store.memberships.values()].filter((m) => m.organization_id === organizationId).length;

const pendingInvitationsCount = (ctx: HandlerContext, organizationId: string): number =>
  [...ctx.store.organizationInvitations.values()].filter(
    (i) => i.organization_id === organizationId && i.status === "pending",
  ).length;

export function renderOrganization(ctx: HandlerContext, organization: OrganizationRecord): Record<string, unknown> {
  const { seq: _seq, created_by, ...fields } = organization;
  return {
    object: "organization",
    ...fields,
    ...(created_by ? { created_by } : {}),
    image_url: PLACEHOLDER_IMAGE,
    has_image: false,
    members_count: membersCount(ctx, organization.id),
    pending_invitations_count: pendingInvitationsCount(ctx, organization.id),
    missing_member_with_elevated_permissions: false,
    role_set_key: null,
  };
}
