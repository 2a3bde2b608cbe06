// Waitlist entries: people asking to join a waitlist-mode instance; inviting one sends them
// an invitation (the same as CreateInvitation), rejecting one closes the entry.
import { param, type HandlerContext, type Handlers } from "../context.js";
import { FakeApiError } from "../errors.js";
import { clerkId } from "../ids.js";
import { matchesQuery, orderBy, page } from "../listing.js";
import type { WaitlistEntryRecord } from "../records.js";
import { emailFormat, validateBody, validateBodyList, type Body } from "../validate.js";
import { deletedObject, findRecord } from "./find-record.js";
import { check as checkInvitation, renderInvitation, store as storeInvitation } from "./invitations.js";

const entryFields = {
  email_address: { type: "string", required: true, format: emailFormat },
  notify: { type: "boolean", nullable: true },
} as const;

function render(ctx: HandlerContext, entry: WaitlistEntryRecord): Record<string, unknown> {
  const invitation = entry.invitation_id ? ctx.store.invitations.get(entry.invitation_id) : undefined;
  return {
    object: "waitlist_entry",
    id: entry.id,
    email_address: entry.email_address,
    status: entry.status,
    is_locked: false,
    created_at: entry.created_at,
    updated_at: entry.updated_at,
    invitation: invitation ? renderInvitation(invitation) : null,
  };
}

/** An address already waiting keeps its entry (Clerk answers with the existing one). */
function addEntry(ctx: HandlerContext, body: Body): WaitlistEntryRecord {
  const email = (body["email_address"] as string).toLowerCase();
  for (const entry of ctx.store.waitlistEntries.values()) if (entry.email_address.toLowerCase() === email) return entry;
  const now = ctx.now();
  const entry: WaitlistEntryRecord = {
    id: clerkId("wle"),
    seq: ctx.nextSeq(),
    email_address: body["email_address"] as string,
    status: "pending",
    invitation_id: null,
    created_at: now,
    updated_at: now,
  };
  ctx.store.waitlistEntries.set(entry.id, entry);
  return entry;
}

function list(ctx: HandlerContext) {
  const status = ctx.query.get("status");
  const text = ctx.query.get("query");
  const matching = [...ctx.store.waitlistEntries.values()].filter(
    (e) => (!status || e.status === status) && (!text || matchesQuery(text, [e.email_address])),
  );
  const sorted = orderBy(
    matching,
    ctx.query,
    { created_at: (e) => e.created_at, email_address: (e) => e.email_address, invited_at: (e) => e.updated_at },
    "-created_at",
  );
  return { data: page(sorted, ctx.query).map((e) => render(ctx, e)), total_count: sorted.length };
}

const conflict = (entry: WaitlistEntryRecord, action: string): FakeApiError =>
  new FakeApiError(409, [
    {
      code: "waitlist_entry_conflict",
      message: "conflict",
      long_message: `A ${entry.status} waitlist entry cannot be ${action}.`,
      meta: {},
    },
  ]);

function findEntry(ctx: HandlerContext): WaitlistEntryRecord {
  return findRecord(ctx.store.waitlistEntries, param(ctx, "waitlist_entry_id"), "Waitlist entry");
}

function invite(ctx: HandlerContext) {
  const entry = findEntry(ctx);
  const body = validateBody(ctx.body, { ignore_existing: { type: "boolean", nullable: true } });
  if (entry.status === "invited" || entry.status === "completed") throw conflict(entry, "invited");
  const invitationBody = { email_address: entry.email_address, ignore_existing: body["ignore_existing"] === true };
  checkInvitation(ctx, invitationBody);
  entry.invitation_id = storeInvitation(ctx, invitationBody).id;
  entry.status = "invited";
  entry.updated_at = ctx.now();
  return render(ctx, entry);
}

function reject(ctx: HandlerContext) {
  const entry = findEntry(ctx);
  if (entry.status === "completed") throw conflict(entry, "rejected");
  entry.status = "rejected";
  entry.updated_at = ctx.now();
  return render(ctx, entry);
}

export const waitlistHandlers: Handlers = {
  ListWaitlistEntries: list,
  CreateWaitlistEntry: (ctx) => render(ctx, addEntry(ctx, validateBody(ctx.body, entryFields))),
  CreateBulkWaitlistEntries: (ctx) =>
    validateBodyList(ctx.body, entryFields).map((body) => render(ctx, addEntry(ctx, body))),
  DeleteWaitlistEntry: (ctx) => {
    const entry = findEntry(ctx);
    ctx.store.waitlistEntries.delete(entry.id);
    return deletedObject("waitlist_entry", entry.id);
  },
  InviteWaitlistEntry: invite,
  RejectWaitlistEntry: reject,
};
