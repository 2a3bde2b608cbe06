// Clients (a browser or device signed in to the instance) as the sessions show them: every
// session belongs to a client, and a client lists its sessions. VerifyClient takes a client
// token (a JWT whose `id` claim names the client) signed with the fake's key.
import { compactVerify, decodeJwt, importSPKI } from "jose";
import { param, type HandlerContext, type Handlers } from "../context.js";
import { FakeApiError, notFound } from "../errors.js";
import { page, queryBool } from "../listing.js";
import type { SessionRecord } from "../store.js";
import { validateBody } from "../validate.js";
import { renderSession } from "./sessions.js";

function sessionsOfClient(ctx: HandlerContext, clientId: string): SessionRecord[] {
  return [...ctx.store.sessions.values()].filter((s) => s.client_id === clientId);
}

function renderClient(ctx: HandlerContext, clientId: string): Record<string, unknown> {
  const sessions = sessionsOfClient(ctx, clientId);
  const active = sessions.filter((s) => s.status === "active").sort((a, b) => b.last_active_at - a.last_active_at);
  return {
    object: "client",
    id: clientId,
    session_ids: sessions.map((s) => s.id),
    sessions: sessions.map(renderSession),
    sign_in_id: null,
    sign_up_id: null,
    last_active_session_id: active[0]?.id ?? null,
    last_authentication_strategy: null,
    created_at: Math.min(...sessions.map((s) => s.created_at)),
    updated_at: Math.max(...sessions.map((s) => s.updated_at)),
  };
}

function findClient(ctx: HandlerContext, clientId: string): Record<string, unknown> {
  if (sessionsOfClient(ctx, clientId).length === 0) throw notFound("Client");
  return renderClient(ctx, clientId);
}

function listClients(ctx: HandlerContext) {
  const ids = [...new Set([...ctx.store.sessions.values()].sort((a, b) => b.seq - a.seq).map((s) => s.client_id))];
  const clients = page(ids, ctx.query).map((id) => renderClient(ctx, id));
  return queryBool(ctx.query, "paginated") ? { data: clients, total_count: ids.length } : clients;
}

async function verifyClient(ctx: HandlerContext) {
  const body = validateBody(ctx.body, { token: { type: "string", required: true } });
  let clientId: unknown;
  try {
    await compactVerify(body["token"] as string, await importSPKI(ctx.keys.publicPem, "RS256"));
    clientId = decodeJwt(body["token"] as string)["id"];
  } catch {
    throw new FakeApiError(400, [
      {
        code: "token_invalid",
        message: "invalid token",
        long_message: "The client token is not signed by this instance.",
        meta: {},
      },
    ]);
  }
  return findClient(ctx, typeof clientId === "string" ? clientId : "");
}

export const clientHandlers: Handlers = {
  GetClientList: listClients,
  GetClient: (ctx) => findClient(ctx, param(ctx, "client_id")),
  VerifyClient: verifyClient,
};
