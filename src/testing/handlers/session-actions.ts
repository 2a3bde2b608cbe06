// What else happens to sessions: RefreshSession (a new session token for an active session,
// given its expired one), and revoking every session of a user (banning, a compromised
// password, removing a password with sign_out_of_other_sessions).
import { compactVerify, decodeJwt, importSPKI } from "jose";
import { type HandlerContext, type Handlers } from "../context.js";
import { FakeApiError } from "../errors.js";
import { signSessionToken } from "../session-token.js";
import { validateBody } from "../validate.js";
import { findSession, sessionEvent, tokenOptions } from "./sessions.js";

/** Revokes the user's active sessions (session.revoked for each); returns how many. */
export function revokeSessionsOf(ctx: HandlerContext, userId: string): number {
  let count = 0;
  for (const session of ctx.store.sessions.values()) {
    if (session.user_id !== userId || session.status !== "active") continue;
    session.status = "revoked";
    session.updated_at = ctx.now();
    ctx.emit("session.revoked", sessionEvent(ctx, session));
    count += 1;
  }
  return count;
}

const invalidToken = (why: string): FakeApiError =>
  new FakeApiError(400, [
    {
      code: "token_invalid",
      message: "invalid token",
      long_message: `expired_token ${why}.`,
      meta: { param_name: "expired_token" },
    },
  ]);

/** The claims of a token the fake signed (signature checked, expiry not: it is meant to be expired). */
async function claimsOfOwnToken(ctx: HandlerContext, token: string): Promise<Record<string, unknown>> {
  try {
    await compactVerify(token, await importSPKI(ctx.keys.publicPem, "RS256"));
    return decodeJwt(token);
  } catch {
    throw invalidToken("is not a session token signed by this instance");
  }
}

async function refreshSession(ctx: HandlerContext) {
  const session = findSession(ctx);
  const body = validateBody(ctx.body, {
    expired_token: { type: "string", required: true },
    refresh_token: { type: "string", required: true },
    request_origin: { type: "string", required: true },
    request_headers: { type: "object", nullable: true },
    format: { type: "string", nullable: true, oneOf: ["token", "cookie"] },
    request_originating_ip: { type: "string" },
  });
  const claims = await claimsOfOwnToken(ctx, body["expired_token"] as string);
  if (claims["sid"] !== session.id) throw invalidToken("belongs to another session");
  if (session.status !== "active")
    throw new FakeApiError(401, [
      {
        code: "session_not_active",
        message: "session not active",
        long_message: `The session is ${session.status}.`,
        meta: {},
      },
    ]);
  session.last_active_at = ctx.now();
  session.updated_at = session.last_active_at;
  const jwt = await signSessionToken(
    ctx,
    { ...tokenOptions(ctx, session, undefined), azp: body["request_origin"] as string },
    session.id,
  );
  if (body["format"] === "cookie")
    return { object: "cookies", cookies: [`__session=${jwt}; Path=/; Secure; SameSite=Lax`] };
  return { object: "token", jwt };
}

export const sessionActionHandlers: Handlers = {
  RefreshSession: refreshSession,
};
