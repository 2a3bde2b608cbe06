// Application invitations: create, bulk create, list (status, query, order, paging), revoke.
import { param, type HandlerContext, type Handlers } from "../context.js";
import { duplicateRecord, identifierExists, notFound, notPending } from "../errors.js";
import { clerkId } from "../ids.js";
import { listAnswer, matchesQuery, orderBy } from "../listing.js";
import type { Metadata } from "../metadata.js";
import type { InvitationRecord } from "../store.js";
import { emailFormat, validateBody, validateBodyList, type Body, type BodySpec } from "../validate.js";
import { acceptLink } from "./invitation-links.js";

const DAY_MS = 86_400_000;

export function renderInvitation(invitation: InvitationRecord): Record<string, unknown> {
  const { seq: _seq, url, ...fields } = invitation;
  return { object: "invitation", ...fields, revoked: invitation.status === "revoked", ...(url ? { url } : {}) };
}

const fields: BodySpec = {
  email_address: { type: "string", required: true, format: emailFormat },
  public_metadata: { type: "object" },
  redirect_url: { type: "string" },
  notify: { type: "boolean", nullable: true },
  ignore_existing: { type: "boolean", nullable: true },
  expires_in_days: { type: "integer", nullable: true, min: 1, max: 365 },
  template_slug: { type: "string", oneOf: ["invitation", "waitlist_invitation"] },
};

export function check(ctx: HandlerContext, body: Body): void {
  const email = (body["email_address"] as string).toLowerCase();
  for (const record of ctx.store.identifications.values()) {
    if (record.kind === "email_address" && record.value.toLowerCase() === email)
      throw identifierExists("email_address");
  }
  if (body["ignore_existing"] === true) return;
  for (const invitation of ctx.store.invitations.values()) {
    if (invitation.status === "pending" && invitation.email_address.toLowerCase() === email) {
      throw duplicateRecord(`a pending invitation for ${body["email_address"] as string}`);
    }
  }
}

export function store(ctx: HandlerContext, body: Body): InvitationRecord {
  const now = ctx.now();
  const invitation: InvitationRecord = {
    id: clerkId("inv"),
    seq: ctx.nextSeq(),
    email_address: body["email_address"] as string,
    public_metadata: (body["public_metadata"] as Metadata | undefined) ?? {},
    status: "pending",
    url: acceptLink(ctx),
    expires_at: now + ((body["expires_in_days"] as number | null | undefined) ?? 30) * DAY_MS,
    created_at: now,
    updated_at: now,
  };
  ctx.store.invitations.set(invitation.id, invitation);
  ctx.emit("invitation.created", renderInvitation(invitation));
  return invitation;
}

function createBulk(ctx: HandlerContext) {
  const bodies = validateBodyList(ctx.body, fields);
  for (const body of bodies) check(ctx, body);
  return bodies.map((body) => renderInvitation(store(ctx, body)));
}

function list(ctx: HandlerContext) {
  const status = ctx.query.get("status");
  const text = ctx.query.get("query");
  const matching = [...ctx.store.invitations.values()].filter(
    (i) => (!status || i.status === status) && (!text || matchesQuery(text, [i.email_address])),
  );
  const sorted = orderBy(
    matching,
    ctx.query,
    { created_at: (i) => i.created_at, email_address: (i) => i.email_address, expires_at: (i) => i.expires_at },
    "-created_at",
  );
  return listAnswer(sorted, ctx.query, renderInvitation);
}

function revoke(ctx: HandlerContext) {
  const invitation = ctx.store.invitations.get(param(ctx, "invitation_id"));
  if (!invitation) throw notFound("Invitation");
  if (invitation.status !== "pending") throw notPending("invitation_not_pending", invitation.status);
  invitation.status = "revoked";
  invitation.updated_at = ctx.now();
  const rendered = renderInvitation(invitation);
  ctx.emit("invitation.revoked", rendered);
  return rendered;
}

export const invitationHandlers: Handlers = {
  CreateInvitation: (ctx) => {
    const body = validateBody(ctx.body, fields);
    check(ctx, body);
    return renderInvitation(store(ctx, body));
  },
  CreateBulkInvitations: createBulk,
  ListInvitations: list,
  RevokeInvitation: revoke,
};
