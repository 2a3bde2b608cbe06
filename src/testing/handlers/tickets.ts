// Sign-in tokens and actor tokens (impersonation): one-time tickets for a user, accepted by
// Clerk's Frontend API at their `url` (which the fake does not serve), revocable while pending.
import { param, type HandlerContext, type Handlers } from "../context.js";
import { FakeApiError, notFound, paramMissing } from "../errors.js";
import { clerkId } from "../ids.js";
import type { TicketRecord } from "../records.js";
import { validateBody } from "../validate.js";
import { findRecord } from "./find-record.js";
import { findOrganization, findUser } from "./lookup.js";

const DAY_S = 86_400;

function render(ticket: TicketRecord): Record<string, unknown> {
  return {
    object: ticket.kind,
    id: ticket.id,
    status: ticket.status,
    user_id: ticket.user_id,
    ...(ticket.actor ? { actor: ticket.actor } : {}),
    token: ticket.token,
    url: ticketUrl(ticket),
    created_at: ticket.created_at,
    updated_at: ticket.updated_at,
  };
}

/** The Frontend API link that accepts the ticket, as Clerk builds it. */
const ticketUrl = (ticket: TicketRecord): string =>
  `https://fake.clerk.accounts.dev/v1/tickets/accept?ticket=${encodeURIComponent(ticket.token)}`;

async function issue(
  ctx: HandlerContext,
  kind: TicketRecord["kind"],
  userId: string,
  expiresInSeconds: number,
  actor: Record<string, unknown> | null,
): Promise<TicketRecord> {
  const user = findUser(ctx, userId);
  const now = ctx.now();
  const id = clerkId(kind === "sign_in_token" ? "sit" : "act");
  // Clerk's tickets are JWTs signed by the instance; so are the fake's.
  const token = await ctx.keys.sign({
    iss: ctx.issuer,
    sid: id,
    st: kind,
    iat: Math.floor(now / 1000),
    exp: Math.floor(now / 1000) + expiresInSeconds,
  });
  const ticket: TicketRecord = {
    id,
    seq: ctx.nextSeq(),
    kind,
    user_id: user.id,
    token,
    status: "pending",
    expire_at: now + expiresInSeconds * 1000,
    actor,
    created_at: now,
    updated_at: now,
  };
  ctx.store.tickets.set(ticket.id, ticket);
  return ticket;
}

async function createSignInToken(ctx: HandlerContext) {
  const body = validateBody(ctx.body, {
    user_id: { type: "string", required: true },
    org_id: { type: "string", nullable: true },
    expires_in_seconds: { type: "integer", nullable: true, min: 1, max: 30 * DAY_S },
  });
  if (typeof body["org_id"] === "string") findOrganization(ctx, body["org_id"]);
  const expires = (body["expires_in_seconds"] as number | null | undefined) ?? 30 * DAY_S;
  return render(await issue(ctx, "sign_in_token", body["user_id"] as string, expires, null));
}

async function createActorToken(ctx: HandlerContext) {
  const body = validateBody(ctx.body, {
    user_id: { type: "string", required: true },
    actor: { type: "object", required: true },
    expires_in_seconds: { type: "integer", min: 1, max: 30 * DAY_S },
    session_max_duration_in_seconds: { type: "integer", min: 1 },
  });
  const actor = body["actor"] as Record<string, unknown>;
  if (typeof actor["sub"] !== "string" || actor["sub"] === "") throw paramMissing("actor.sub");
  const expires = (body["expires_in_seconds"] as number | undefined) ?? 3600;
  return render(await issue(ctx, "actor_token", body["user_id"] as string, expires, actor));
}

function revoke(kind: TicketRecord["kind"], idParam: string) {
  return (ctx: HandlerContext) => {
    const ticket = findRecord(ctx.store.tickets, param(ctx, idParam), kind.replace(/_/g, " "));
    if (ticket.kind !== kind) throw notFound(kind.replace(/_/g, " "));
    if (ticket.status !== "pending")
      throw new FakeApiError(400, [
        {
          code: `${kind}_not_pending`,
          message: "not pending",
          long_message: `Only a pending ${kind.replace(/_/g, " ")} can be revoked; this one is ${ticket.status}.`,
          meta: {},
        },
      ]);
    ticket.status = "revoked";
    ticket.updated_at = ctx.now();
    return render(ticket);
  };
}

export const ticketHandlers: Handlers = {
  CreateSignInToken: createSignInToken,
  RevokeSignInToken: revoke("sign_in_token", "sign_in_token_id"),
  CreateActorToken: createActorToken,
  RevokeActorToken: revoke("actor_token", "actor_token_id"),
};
