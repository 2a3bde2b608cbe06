// The wire shape of an organization. members_count and pending_invitations_count are
// derived from the memberships and invitations on every answer, so they cannot drift.
import type { HandlerContext } from "../context.js";
import { membershipQuotaExceeded } from "../errors.js";
import type { OrganizationRecord } from "../store.js";
import { PLACEHOLDER_IMAGE } from "./placeholder-image.js";

export const membersCount = (ctx: HandlerContext, organizationId: string): number =>
  ctx.store.memberships.countBy("organization", organizationId);

const pendingInvitationsCount = (ctx: HandlerContext, organizationId: string): number =>
  ctx.store.organizationInvitations.by("organization", organizationId).filter((i) => i.status === "pending").length;

/**
 * Throws 403 organization_membership_quota_exceeded when `adding` more members or invitations
 * would pass max_allowed_memberships (0 = no limit). Pending invitations count, as on Clerk.
 */
export function assertQuota(ctx: HandlerContext, organization: OrganizationRecord, adding = 1): void {
  const limit = organization.max_allowed_memberships;
  if (limit <= 0) return;
  const used = membersCount(ctx, organization.id) + pendingInvitationsCount(ctx, organization.id);
  if (used + adding > limit) throw membershipQuotaExceeded(limit);
}

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

/** The short public view of an organization that invitations and domains carry (null when it is gone). */
export function publicOrganizationData(organization: OrganizationRecord | undefined): Record<string, unknown> | null {
  if (!organization) return null;
  const { id, name, slug } = organization;
  return { id, name, slug, image_url: PLACEHOLDER_IMAGE, has_image: false };
}
