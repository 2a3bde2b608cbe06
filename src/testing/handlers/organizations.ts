// Organizations: create (the creator becomes its first org:admin), get by id or slug, list,
// update, metadata, delete. members_count and pending_invitations_count are always derived
// from the memberships and invitations, so they cannot drift.
import { creatorRoleKey } from "../catalog.js";
import { param, type HandlerContext, type Handlers } from "../context.js";
import { creatorNotFound, formatInvalid, identifierExists } from "../errors.js";
import { clerkId } from "../ids.js";
import { matchesQuery, orderBy, page, queryIdFilter } from "../listing.js";
import { applyMetadata, type Metadata } from "../metadata.js";
import type { OrganizationRecord } from "../store.js";
import { dateTimeField, validateBody, type BodySpec } from "../validate.js";
import { findOrganization } from "./lookup.js";
import { addMembership } from "./memberships.js";
import { clearActiveOrganization } from "./sessions.js";
import { membersCount, renderOrganization } from "./organization-shape.js";

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const slugify = (name: string): string =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "organization";

function assertSlugFree(ctx: HandlerContext, slug: string, self?: string): void {
  if (!SLUG.test(slug)) throw formatInvalid("slug", "must contain only lowercase letters, digits and dashes");
  for (const organization of ctx.store.organizations.values()) {
    if (organization.id !== self && organization.slug === slug) throw identifierExists("slug");
  }
}

/** A slug derived from the name gets a suffix when taken, so creating by name never fails. */
function freeSlugFor(ctx: HandlerContext, name: string): string {
  const base = slugify(name);
  const taken = new Set([...ctx.store.organizations.values()].map((o) => o.slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

const createFields: BodySpec = {
  name: { type: "string", required: true },
  created_by: { type: "string", nullable: true },
  slug: { type: "string" },
  public_metadata: { type: "object", nullable: true },
  private_metadata: { type: "object", nullable: true },
  max_allowed_memberships: { type: "integer", nullable: true, min: 0 },
  created_at: { type: "string", nullable: true },
};

/** Validates a CreateOrganization body and stores it with its creator as admin (also for `seed`). */
export function createOrganization(ctx: HandlerContext, input: unknown, id = clerkId("org")): OrganizationRecord {
  const body = validateBody(input, createFields);
  const name = body["name"] as string;
  const creatorId = body["created_by"];
  const creator = typeof creatorId === "string" ? ctx.store.users.get(creatorId) : undefined;
  if (typeof creatorId === "string" && !creator) throw creatorNotFound();
  if (typeof body["slug"] === "string") assertSlugFree(ctx, body["slug"]);
  const now = ctx.now();
  const created = dateTimeField("created_at", body["created_at"]) ?? now;
  const organization: OrganizationRecord = {
    id,
    seq: ctx.nextSeq(),
    name,
    slug: typeof body["slug"] === "string" ? body["slug"] : freeSlugFor(ctx, name),
    created_by: creator?.id ?? null,
    max_allowed_memberships: (body["max_allowed_memberships"] as number | null | undefined) ?? 0,
    admin_delete_enabled: true,
    public_metadata: (body["public_metadata"] as Metadata | null | undefined) ?? {},
    private_metadata: (body["private_metadata"] as Metadata | null | undefined) ?? {},
    created_at: created,
    updated_at: created,
  };
  ctx.store.organizations.set(organization.id, organization);
  ctx.emit("organization.created", renderOrganization(ctx, organization));
  if (creator) addMembership(ctx, organization, creator, creatorRoleKey(ctx.store), {}, {});
  return organization;
}

function listOrganizations(ctx: HandlerContext) {
  const { query, store } = ctx;
  const userIds = queryIdFilter(query, "user_id");
  const ids = queryIdFilter(query, "organization_id");
  const text = query.get("query");
  const matching = [...store.organizations.values()].filter((organization) => {
    if (!ids.admits(organization.id)) return false;
    if (userIds.active && !userIds.admits(store.memberships.by("organization", organization.id).map((m) => m.user_id)))
      return false;
    if (text && !matchesQuery(text, [organization.id, organization.name, organization.slug])) return false;
    return true;
  });
  const sorted = orderBy(
    matching,
    query,
    {
      created_at: (o) => o.created_at,
      name: (o) => o.name.toLowerCase(),
      members_count: (o) => membersCount(ctx, o.id),
    },
    "-created_at",
  );
  return { data: page(sorted, query).map((o) => renderOrganization(ctx, o)), total_count: matching.length };
}

function changed(ctx: HandlerContext, organization: OrganizationRecord): Record<string, unknown> {
  organization.updated_at = ctx.now();
  const rendered = renderOrganization(ctx, organization);
  ctx.emit("organization.updated", rendered);
  return rendered;
}

function updateOrganization(ctx: HandlerContext) {
  const organization = findOrganization(ctx, param(ctx, "organization_id"));
  const body = validateBody(ctx.body, {
    name: { type: "string", nullable: true },
    slug: { type: "string", nullable: true },
    max_allowed_memberships: { type: "integer", nullable: true, min: 0 },
    admin_delete_enabled: { type: "boolean", nullable: true },
    public_metadata: { type: "object", nullable: true },
    private_metadata: { type: "object", nullable: true },
  });
  if (typeof body["slug"] === "string") assertSlugFree(ctx, body["slug"], organization.id);
  if (typeof body["name"] === "string") organization.name = body["name"];
  if (typeof body["slug"] === "string") organization.slug = body["slug"];
  if (typeof body["max_allowed_memberships"] === "number")
    organization.max_allowed_memberships = body["max_allowed_memberships"];
  if (typeof body["admin_delete_enabled"] === "boolean")
    organization.admin_delete_enabled = body["admin_delete_enabled"];
  if (body["public_metadata"]) organization.public_metadata = body["public_metadata"] as Metadata;
  if (body["private_metadata"]) organization.private_metadata = body["private_metadata"] as Metadata;
  return changed(ctx, organization);
}

function updateMetadata(replace: boolean) {
  return (ctx: HandlerContext) => {
    const organization = findOrganization(ctx, param(ctx, "organization_id"));
    const body = validateBody(ctx.body, { public_metadata: { type: "object" }, private_metadata: { type: "object" } });
    applyMetadata(organization, body, ["public_metadata", "private_metadata"], replace);
    return changed(ctx, organization);
  };
}

/** Deletes an organization with its memberships and invitations. */
function deleteOrganization(ctx: HandlerContext) {
  const organization = findOrganization(ctx, param(ctx, "organization_id"));
  const { store } = ctx;
  for (const [id, m] of store.memberships) if (m.organization_id === organization.id) store.memberships.delete(id);
  for (const [id, i] of store.organizationInvitations)
    if (i.organization_id === organization.id) store.organizationInvitations.delete(id);
  store.organizations.delete(organization.id);
  clearActiveOrganization(ctx, organization.id);
  const deleted = { object: "organization", id: organization.id, slug: organization.slug, deleted: true };
  ctx.emit("organization.deleted", deleted);
  return deleted;
}

export const organizationHandlers: Handlers = {
  CreateOrganization: (ctx) => renderOrganization(ctx, createOrganization(ctx, ctx.body)),
  GetOrganization: (ctx) => renderOrganization(ctx, findOrganization(ctx, param(ctx, "organization_id"))),
  ListOrganizations: listOrganizations,
  UpdateOrganization: updateOrganization,
  MergeOrganizationMetadata: updateMetadata(false),
  ReplaceOrganizationMetadata: updateMetadata(true),
  DeleteOrganization: deleteOrganization,
};
