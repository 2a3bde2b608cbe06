// OAuth applications: the third-party apps that may sign in with the instance as their OAuth
// provider. Tokens issued to one (fake.issueOAuthAccessToken with its client_id) are revoked
// through RevokeOAuthApplicationToken.
import { param, type HandlerContext, type Handlers } from "../context.js";
import { clerkId, secret } from "../ids.js";
import { matchesQuery, orderBy, page } from "../listing.js";
import type { OAuthApplicationRecord } from "../records.js";
import { validateBody, type BodySpec } from "../validate.js";
import { deletedObject, findRecord } from "./find-record.js";

const urlFormat = (value: string): string | undefined =>
  /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value) ? undefined : "must be a URL with a scheme";

const fields: BodySpec = {
  name: { type: "string" },
  redirect_uris: { type: "string[]", nullable: true, format: urlFormat },
  callback_url: { type: "string", nullable: true, format: urlFormat },
  scopes: { type: "string", nullable: true },
  consent_screen_enabled: { type: "boolean", nullable: true },
  pkce_required: { type: "boolean", nullable: true },
  public: { type: "boolean", nullable: true },
};

function render(ctx: HandlerContext, app: OAuthApplicationRecord, withSecret = false): Record<string, unknown> {
  const base = ctx.issuer;
  return {
    object: "oauth_application",
    id: app.id,
    instance_id: ctx.store.instanceId,
    name: app.name,
    client_id: app.client_id,
    client_uri: null,
    client_image_url: null,
    dynamically_registered: false,
    consent_screen_enabled: app.consent_screen_enabled,
    pkce_required: app.pkce_required,
    public: app.public,
    scopes: app.scopes,
    redirect_uris: app.redirect_uris,
    callback_url: app.redirect_uris[0] ?? "",
    authorize_url: `${base}/oauth/authorize`,
    token_fetch_url: `${base}/oauth/token`,
    user_info_url: `${base}/oauth/userinfo`,
    discovery_url: `${base}/.well-known/openid-configuration`,
    token_introspection_url: `${base}/oauth/token_info`,
    created_at: app.created_at,
    updated_at: app.updated_at,
    // A public client (PKCE only) has no secret.
    ...(withSecret && !app.public ? { client_secret: app.client_secret } : {}),
  };
}

function redirectUris(body: Record<string, unknown>): string[] | undefined {
  const uris = body["redirect_uris"] as string[] | null | undefined;
  const callback = body["callback_url"] as string | null | undefined;
  if (uris) return [...uris];
  if (callback) return [callback];
  return undefined;
}

function create(ctx: HandlerContext) {
  const body = validateBody(ctx.body, { ...fields, name: { type: "string", required: true } });
  const now = ctx.now();
  const app: OAuthApplicationRecord = {
    id: clerkId("oa"),
    seq: ctx.nextSeq(),
    name: body["name"] as string,
    client_id: secret("", 16),
    client_secret: secret("", 32),
    redirect_uris: redirectUris(body) ?? [],
    scopes: (body["scopes"] as string | null | undefined) ?? "profile email",
    consent_screen_enabled: body["consent_screen_enabled"] !== false,
    pkce_required: body["pkce_required"] === true,
    public: body["public"] === true,
    created_at: now,
    updated_at: now,
  };
  ctx.store.oauthApplications.set(app.id, app);
  return render(ctx, app, true);
}

const findApp = (ctx: HandlerContext): OAuthApplicationRecord =>
  findRecord(ctx.store.oauthApplications, param(ctx, "oauth_application_id"), "OAuth application");

function update(ctx: HandlerContext) {
  const app = findApp(ctx);
  const body = validateBody(ctx.body, fields);
  if (typeof body["name"] === "string") app.name = body["name"];
  const uris = redirectUris(body);
  if (uris) app.redirect_uris = uris;
  if (typeof body["scopes"] === "string") app.scopes = body["scopes"];
  for (const key of ["consent_screen_enabled", "pkce_required", "public"] as const)
    if (typeof body[key] === "boolean") app[key] = body[key];
  app.updated_at = ctx.now();
  return render(ctx, app);
}

function list(ctx: HandlerContext) {
  const text = ctx.query.get("name_query");
  const matching = [...ctx.store.oauthApplications.values()].filter((a) => !text || matchesQuery(text, [a.name]));
  const sorted = orderBy(matching, ctx.query, { created_at: (a) => a.created_at, name: (a) => a.name }, "-created_at");
  return { data: page(sorted, ctx.query).map((a) => render(ctx, a)), total_count: sorted.length };
}

function rotateSecret(ctx: HandlerContext) {
  const app = findApp(ctx);
  app.client_secret = secret("", 32);
  app.updated_at = ctx.now();
  return render(ctx, app, true);
}

/** RFC 7009: revoking a token that is unknown or already revoked still succeeds. */
function revokeToken(ctx: HandlerContext) {
  const app = findApp(ctx);
  const body = validateBody(ctx.body, { token: { type: "string", required: true } });
  for (const token of ctx.store.machineTokens.values()) {
    if (token.kind === "oauth_token" && token.secret === body["token"] && token.client_id === app.client_id) {
      token.revoked = true;
      token.revocation_reason = "revoked by the OAuth application";
      token.updated_at = ctx.now();
    }
  }
  return new Response(null, { status: 204 });
}

export const oauthApplicationHandlers: Handlers = {
  ListOAuthApplications: list,
  CreateOAuthApplication: create,
  GetOAuthApplication: (ctx) => render(ctx, findApp(ctx)),
  UpdateOAuthApplication: update,
  DeleteOAuthApplication: (ctx) => {
    const app = findApp(ctx);
    ctx.store.oauthApplications.delete(app.id);
    return deletedObject("oauth_application", app.id);
  },
  RotateOAuthApplicationSecret: rotateSecret,
  RevokeOAuthApplicationToken: revokeToken,
};
