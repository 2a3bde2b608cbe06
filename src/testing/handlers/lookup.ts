// Finding records by id (404 as Clerk answers when there is none), a user's membership in an
// organization, and marking a user changed.
import type { HandlerContext } from "../context.js";
import { notFound } from "../errors.js";
import type { MembershipRecord, OrganizationRecord, UserRecord } from "../store.js";

export function findUser(ctx: HandlerContext, id: string): UserRecord {
  const user = ctx.store.users.get(id);
  if (!user) throw notFound("User");
  return user;
}

/** Organizations are found by id or by slug, as GetOrganization accepts either. */
export function findOrganization(ctx: HandlerContext, idOrSlug: string): OrganizationRecord {
  const byId = ctx.store.organizations.get(idOrSlug);
  if (byId) return byId;
  for (const organization of ctx.store.organizations.values()) if (organization.slug === idOrSlug) return organization;
  throw notFound("Organization");
}

/** The user's membership in the organization, if it has one (a user is a member at most once). */
export function membershipOf(
  ctx: HandlerContext,
  organizationId: string,
  userId: string,
): MembershipRecord | undefined {
  return ctx.store.memberships.by("user", userId).find((m) => m.organization_id === organizationId);
}

export function touchUser(ctx: HandlerContext, user: UserRecord): void {
  user.updated_at = ctx.now();
}
