// Sessions (create, get, list, revoke), session tokens (plain and from a JWT template),
// JWT templates (CRUD) and the JWKS.
import { tokenPermissionKeysOf } from "../catalog.js";
import { param, type HandlerContext, type Handlers } from "../context.js";
import { duplicateRecord, notAMember, notFound, paramMissing } from "../errors.js";
import { clerkId } from "../ids.js";
import { listAnswer, orderBy } from "../listing.js";
import type { Metadata } from "../metadata.js";
import type { JwtTemplateRecord, SessionRecord, UserRecord } from "../store.js";
import { sessionClaims, signSessionToken } from "../session-token.js";
import { validateBody } from "../validate.js";
import { findOrganization, findUser, membershipOf } from "./lookup.js";
import { primaryIdentifier } from "./identifications.js";
import { renderUser } from "./render-user.js";

const DAY_MS = 86_400_000;

/** The device a session was made from: sessions made over the Backend API come from the test process. */
const latestActivity = (session: SessionRecord) => ({
  object: "session_activity",
  id: `sess_activity_${session.id.replace(/^sess_/, "")}`,
  device_type: "desktop",
  is_mobile: false,
  browser_name: "clerk-fn fake",
  browser_version: "1",
  ip_address: "127.0.0.1",
  city: "",
  country: "",
});

export function renderSession(session: SessionRecord): Record<string, unknown> {
  const { seq: _seq, ...fields } = session;
  return { object: "session", ...fields, actor: null, latest_activity: latestActivity(session), tasks: null };
}

/** A session event's data: the session (the webhooks spec has no `tasks`) with its user. */
export function sessionEvent(ctx: HandlerContext, session: SessionRecord): Record<string, unknown> {
  const { seq: _seq, ...fields } = session;
  const user = ctx.store.users.get(session.user_id);
  return {
    object: "session",
    ...fields,
    actor: null,
    latest_activity: latestActivity(session),
    ...(user ? { user: renderUser(ctx, user) } : {}),
  };
}

/**
 * The organization a new session starts in when none is asked for: the one the user joined
 * last (a new membership makes its organization the active one at the next session).
 */
function newestOrganizationOf(ctx: HandlerContext, userId: string): string | undefined {
  const memberships = ctx.store.memberships.by("user", userId);
  let newest = memberships[0];
  for (const m of memberships) if (newest && m.seq > newest.seq) newest = m;
  return newest?.organization_id;
}

/** Sessions of `userId` (any user when undefined) whose active organization is gone drop it. */
export function clearActiveOrganization(ctx: HandlerContext, organizationId: string, userId?: string): void {
  for (const session of ctx.store.sessions.values()) {
    if (session.last_active_organization_id !== organizationId) continue;
    if (userId !== undefined && session.user_id !== userId) continue;
    session.last_active_organization_id = null;
    session.updated_at = ctx.now();
  }
}

export function findSession(ctx: HandlerContext): SessionRecord {
  const session = ctx.store.sessions.get(param(ctx, "session_id"));
  if (!session) throw notFound("Session");
  return session;
}

/** Stores a session for a user. */
function createSession(ctx: HandlerContext, userId: string, activeOrganizationId?: string): SessionRecord {
  const user = findUser(ctx, userId);
  if (activeOrganizationId) {
    const organization = findOrganization(ctx, activeOrganizationId);
    if (!membershipOf(ctx, organization.id, user.id)) throw notAMember();
  }
  const now = ctx.now();
  const session: SessionRecord = {
    id: clerkId("sess"),
    seq: ctx.nextSeq(),
    user_id: user.id,
    client_id: clerkId("client"),
    status: "active",
    last_active_organization_id: activeOrganizationId ?? newestOrganizationOf(ctx, user.id) ?? null,
    last_active_at: now,
    expire_at: now + 7 * DAY_MS,
    abandon_at: now + 30 * DAY_MS,
    created_at: now,
    updated_at: now,
  };
  ctx.store.sessions.set(session.id, session);
  user.last_sign_in_at = now;
  user.last_active_at = now;
  ctx.emit("session.created", sessionEvent(ctx, session));
  return session;
}

function activeSession(ctx: HandlerContext): SessionRecord {
  const session = findSession(ctx);
  if (session.status !== "active") throw notFound("Active session");
  return session;
}

export function tokenOptions(ctx: HandlerContext, session: SessionRecord, expiresInSeconds: number | undefined) {
  const orgId = session.last_active_organization_id ?? undefined;
  const membership = orgId ? membershipOf(ctx, orgId, session.user_id) : undefined;
  return {
    userId: session.user_id,
    ...(orgId ? { orgId } : {}),
    ...(membership
      ? { orgRole: membership.role, orgPermissions: tokenPermissionKeysOf(ctx.store, membership.role) }
      : {}),
    ...(expiresInSeconds ? { expiresInSeconds } : {}),
  };
}

const expiryField = { expires_in_seconds: { type: "integer", nullable: true, min: 30, max: 315_360_000 } } as const;

async function createSessionToken(ctx: HandlerContext) {
  const session = activeSession(ctx);
  const body = validateBody(ctx.body, expiryField);
  const jwt = await signSessionToken(
    ctx,
    tokenOptions(ctx, session, body["expires_in_seconds"] as number | undefined),
    session.id,
  );
  return { object: "token", jwt };
}

/** "{{user.first_name}}"-style shortcodes in template claims, resolved against the user and organization. */
function resolveShortcodes(value: unknown, scope: Record<string, unknown>): unknown {
  if (typeof value === "string") {
    const whole = /^\{\{\s*([\w.]+)\s*\}\}$/.exec(value);
    if (whole) return lookup(scope, whole[1] ?? "") ?? null;
    return value.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, path: string) => String(lookup(scope, path) ?? ""));
  }
  if (Array.isArray(value)) return value.map((item) => resolveShortcodes(item, scope));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveShortcodes(v, scope)]));
  return value;
}

const lookup = (scope: Record<string, unknown>, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      scope,
    );

function shortcodeScope(ctx: HandlerContext, user: UserRecord, session: SessionRecord): Record<string, unknown> {
  const organization = session.last_active_organization_id
    ? ctx.store.organizations.get(session.last_active_organization_id)
    : undefined;
  const membership = organization ? membershipOf(ctx, organization.id, user.id) : undefined;
  return {
    user: { ...user, primary_email_address: primaryIdentifier(ctx, user) },
    session: { id: session.id, actor: null },
    org: organization
      ? {
          id: organization.id,
          name: organization.name,
          slug: organization.slug,
          role: membership?.role,
          public_metadata: organization.public_metadata,
        }
      : undefined,
  };
}

async function createTokenFromTemplate(ctx: HandlerContext) {
  const session = activeSession(ctx);
  const template = [...ctx.store.jwtTemplates.values()].find((t) => t.name === param(ctx, "template_name"));
  if (!template) throw notFound("JWT template");
  const body = validateBody(ctx.body, expiryField);
  const user = findUser(ctx, session.user_id);
  const custom = resolveShortcodes(template.claims, shortcodeScope(ctx, user, session)) as Record<string, unknown>;
  const base = sessionClaims(
    ctx,
    { userId: user.id, expiresInSeconds: (body["expires_in_seconds"] as number | undefined) ?? template.lifetime },
    session.id,
  );
  // A template token carries the standard claims and the template's own, not the v2 session claims.
  const { v: _v, fva: _fva, sts: _sts, ...standard } = base;
  const jwt = await ctx.keys.sign({ ...custom, ...standard });
  return { object: "token", jwt };
}

function listSessions(ctx: HandlerContext) {
  const userId = ctx.query.get("user_id");
  const clientId = ctx.query.get("client_id");
  if (!userId && !clientId) throw paramMissing("user_id");
  const status = ctx.query.get("status");
  const matching = [...ctx.store.sessions.values()].filter(
    (s) =>
      (!userId || s.user_id === userId) && (!clientId || s.client_id === clientId) && (!status || s.status === status),
  );
  return listAnswer(
    orderBy(matching, ctx.query, { created_at: (s) => s.created_at }, "-created_at"),
    ctx.query,
    renderSession,
  );
}

function revokeSession(ctx: HandlerContext) {
  const session = findSession(ctx);
  session.status = "revoked";
  session.updated_at = ctx.now();
  ctx.emit("session.revoked", sessionEvent(ctx, session));
  return renderSession(session);
}

// JWT templates

function renderTemplate(template: JwtTemplateRecord): Record<string, unknown> {
  const { seq: _seq, ...fields } = template;
  return { object: "jwt_template", ...fields, custom_signing_key: false, signing_algorithm: "RS256" };
}

const templateFields = {
  name: { type: "string" },
  claims: { type: "object" },
  lifetime: { type: "integer", nullable: true, min: 30, max: 315_360_000 },
  allowed_clock_skew: { type: "integer", nullable: true, min: 0, max: 300 },
  custom_signing_key: { type: "boolean" },
  signing_algorithm: { type: "string", nullable: true },
} as const;

function assertTemplateNameFree(ctx: HandlerContext, name: string, self?: string): void {
  for (const t of ctx.store.jwtTemplates.values())
    if (t.id !== self && t.name === name) throw duplicateRecord(`a JWT template named ${name}`);
}

function findTemplate(ctx: HandlerContext): JwtTemplateRecord {
  const template = ctx.store.jwtTemplates.get(param(ctx, "template_id"));
  if (!template) throw notFound("JWT template");
  return template;
}

function createTemplate(ctx: HandlerContext) {
  const body = validateBody(ctx.body, {
    ...templateFields,
    name: { type: "string", required: true },
    claims: { type: "object", required: true },
  });
  assertTemplateNameFree(ctx, body["name"] as string);
  const now = ctx.now();
  const template: JwtTemplateRecord = {
    id: clerkId("jtmp"),
    seq: ctx.nextSeq(),
    name: body["name"] as string,
    claims: body["claims"] as Metadata,
    lifetime: (body["lifetime"] as number | null | undefined) ?? 60,
    allowed_clock_skew: (body["allowed_clock_skew"] as number | null | undefined) ?? 5,
    created_at: now,
    updated_at: now,
  };
  ctx.store.jwtTemplates.set(template.id, template);
  return renderTemplate(template);
}

function updateTemplate(ctx: HandlerContext) {
  const template = findTemplate(ctx);
  const body = validateBody(ctx.body, templateFields);
  if (typeof body["name"] === "string") {
    assertTemplateNameFree(ctx, body["name"], template.id);
    template.name = body["name"];
  }
  if (body["claims"]) template.claims = body["claims"] as Metadata;
  if (typeof body["lifetime"] === "number") template.lifetime = body["lifetime"];
  if (typeof body["allowed_clock_skew"] === "number") template.allowed_clock_skew = body["allowed_clock_skew"];
  template.updated_at = ctx.now();
  return renderTemplate(template);
}

export const sessionHandlers: Handlers = {
  createSession: (ctx) => {
    const body = validateBody(ctx.body, {
      user_id: { type: "string", required: true },
      active_organization_id: { type: "string" },
    });
    return renderSession(
      createSession(ctx, body["user_id"] as string, body["active_organization_id"] as string | undefined),
    );
  },
  GetSession: (ctx) => renderSession(findSession(ctx)),
  GetSessionList: listSessions,
  RevokeSession: revokeSession,
  CreateSessionToken: createSessionToken,
  CreateSessionTokenFromTemplate: createTokenFromTemplate,
  GetJWKS: (ctx) => ctx.keys.jwks(),
  CreateJWTTemplate: createTemplate,
  ListJWTTemplates: (ctx) => listAnswer([...ctx.store.jwtTemplates.values()], ctx.query, renderTemplate),
  GetJWTTemplate: (ctx) => renderTemplate(findTemplate(ctx)),
  UpdateJWTTemplate: updateTemplate,
  DeleteJWTTemplate: (ctx) => {
    const template = findTemplate(ctx);
    ctx.store.jwtTemplates.delete(template.id);
    return { object: "jwt_template", id: template.id, deleted: true };
  },
};
