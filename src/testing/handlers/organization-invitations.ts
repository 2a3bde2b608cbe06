// Organization invitations: create, bulk create, list (status filter), get, revoke.
import { requireRole } from "../catalog.js";
import { param, type HandlerContext, type Handlers } from "../context.js";
import { notFound, organizationInvitationNotUnique } from "../errors.js";
import { clerkId } from "../ids.js";
import { orderBy, page } from "../listing.js";
import type { Metadata } from "../metadata.js";
import type { OrganizationInvitationRecord, OrganizationRecord } from "../store.js";
import { emailFormat, validateBody, validateBodyList, type Body, type BodySpec } from "../validate.js";
import { findOrganization, findUser } from "./lookup.js";
import { primaryIdentifier } from "./identifications.js";
import { roleName } from "./memberships.js";
import { PLACEHOLDER_IMAGE } from "./placeholder-image.js";
import { acceptLink } from "./invitation-links.js";
import { assertQuota } from "./organization-shape.js";

const DAY_MS = 86_400_000;

export function renderOrganizationInvitation(
  ctx: HandlerContext,
  invitation: OrganizationInvitationRecord,
): Record<string, unknown> {
  const { seq: _seq, ...fields } = invitation;
  const inviter = invitation.inviter_id ? ctx.store.users.get(invitation.inviter_id) : undefined;
  return {
    object: "organization_invitation",
    ...fields,
    role_name: roleName(ctx, invitation.role),
    // The spec requires public_inviter_data; an invitation made without an inviter has none
    // to show, and the fake then sends null (see docs/testing.md).
    public_inviter_data: inviter
      ? {
          user_id: inviter.id,
          first_name: inviter.first_name,
          last_name: inviter.last_name,
          image_url: PLACEHOLDER_IMAGE,
          has_image: false,
          identifier: primaryIdentifier(ctx, inviter) ?? inviter.id,
        }
      : null,
  };
}

const inviteFields: BodySpec = {
  email_address: { type: "string", required: true, format: emailFormat },
  role: { type: "string", required: true },
  inviter_user_id: { type: "string", nullable: true },
  public_metadata: { type: "object", nullable: true },
  private_metadata: { type: "object", nullable: true },
  redirect_url: { type: "string", nullable: true },
  expires_in_days: { type: "integer", nullable: true, min: 1, max: 365 },
  notify: { type: "boolean", nullable: true },
};

/** Checks one invitation body against the store; nothing is stored here. */
function checkInvite(ctx: HandlerContext, organization: OrganizationRecord, body: Body): void {
  if (typeof body["inviter_user_id"] === "string") findUser(ctx, body["inviter_user_id"]);
  requireRole(ctx, body["role"] as string);
  const email = (body["email_address"] as string).toLowerCase();
  for (const i of ctx.store.organizationInvitations.values()) {
    if (i.organization_id === organization.id && i.status === "pending" && i.email_address.toLowerCase() === email) {
      throw organizationInvitationNotUnique(body["email_address"] as string);
    }
  }
}

function storeInvite(ctx: HandlerContext, organization: OrganizationRecord, body: Body): OrganizationInvitationRecord {
  const now = ctx.now();
  const invitation: OrganizationInvitationRecord = {
    id: clerkId("orginv"),
    seq: ctx.nextSeq(),
    organization_id: organization.id,
    email_address: body["email_address"] as string,
    role: body["role"] as string,
    inviter_id: (body["inviter_user_id"] as string | null | undefined) ?? null,
    status: "pending",
    public_metadata: (body["public_metadata"] as Metadata | null | undefined) ?? {},
    private_metadata: (body["private_metadata"] as Metadata | null | undefined) ?? {},
    url: acceptLink(ctx),
    expires_at: now + ((body["expires_in_days"] as number | null | undefined) ?? 30) * DAY_MS,
    created_at: now,
    updated_at: now,
  };
  ctx.store.organizationInvitations.set(invitation.id, invitation);
  ctx.emit("organizationInvitation.created", renderOrganizationInvitation(ctx, invitation));
  return invitation;
}

function createInvitation(ctx: HandlerContext) {
  const organization = findOrganization(ctx, param(ctx, "organization_id"));
  const body = validateBody(ctx.body, inviteFields);
  checkInvite(ctx, organization, body);
  assertQuota(ctx, organization);
  return renderOrganizationInvitation(ctx, storeInvite(ctx, organization, body));
}

/** All or nothing: every invitation is checked before any is stored. */
function createInvitationsInBulk(ctx: HandlerContext) {
  const organization = findOrganization(ctx, param(ctx, "organization_id"));
  const bodies = validateBodyList(ctx.body, inviteFields);
  const emails = bodies.map((b) => (b["email_address"] as string).toLowerCase());
  const repeated = emails.find((email, i) => emails.indexOf(email) !== i);
  if (repeated !== undefined) throw organizationInvitationNotUnique(repeated);
  for (const body of bodies) checkInvite(ctx, organization, body);
  assertQuota(ctx, organization, bodies.length);
  const data = bodies.map((body) => renderOrganizationInvitation(ctx, storeInvite(ctx, organization, body)));
  return { data, total_count: data.length };
}

function listInvitations(pendingOnly: boolean) {
  return (ctx: HandlerContext) => {
    const organization = findOrganization(ctx, param(ctx, "organization_id"));
    const status = pendingOnly ? "pending" : ctx.query.get("status");
    const email = ctx.query.get("email_address")?.toLowerCase();
    const matching = [...ctx.store.organizationInvitations.values()].filter(
      (i) =>
        i.organization_id === organization.id &&
        (!status || i.status === status) &&
        (!email || i.email_address.toLowerCase() === email),
    );
    const sorted = orderBy(
      matching,
      ctx.query,
      { created_at: (i) => i.created_at, email_address: (i) => i.email_address },
      "-created_at",
    );
    return {
      data: page(sorted, ctx.query).map((i) => renderOrganizationInvitation(ctx, i)),
      total_count: matching.length,
    };
  };
}

function findInvitation(ctx: HandlerContext): OrganizationInvitationRecord {
  const organization = findOrganization(ctx, param(ctx, "organization_id"));
  const invitation = ctx.store.organizationInvitations.get(param(ctx, "invitation_id"));
  if (!invitation || invitation.organization_id !== organization.id) throw notFound("Organization invitation");
  return invitation;
}

function revokeInvitation(ctx: HandlerContext) {
  const invitation = findInvitation(ctx);
  const body = validateBody(ctx.body, { requesting_user_id: { type: "string", nullable: true } });
  if (typeof body["requesting_user_id"] === "string") findUser(ctx, body["requesting_user_id"]);
  // Clerk looks the invitation up among the pending ones: any other is not found.
  if (invitation.status !== "pending") throw notFound("Pending organization invitation");
  invitation.status = "revoked";
  invitation.updated_at = ctx.now();
  const rendered = renderOrganizationInvitation(ctx, invitation);
  ctx.emit("organizationInvitation.revoked", rendered);
  return rendered;
}

export const organizationInvitationHandlers: Handlers = {
  CreateOrganizationInvitation: createInvitation,
  CreateOrganizationInvitationBulk: createInvitationsInBulk,
  ListOrganizationInvitations: listInvitations(false),
  ListPendingOrganizationInvitations: listInvitations(true),
  GetOrganizationInvitation: (ctx) => renderOrganizationInvitation(ctx, findInvitation(ctx)),
  RevokeOrganizationInvitation: revokeInvitation,
};
