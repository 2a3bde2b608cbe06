// Finding records by id (404 as Clerk answers when there is none) and marking them changed.
import type { HandlerContext } from "../context.js";
import { notFound } from "../errors.js";
import type { OrganizationRecord, UserRecord } from "../store.js";

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

export function touchUser(ctx: HandlerContext, user: UserRecord): void {
  user.updated_at = ctx.now();
}
