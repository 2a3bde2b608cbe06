// Machine authentication: machines (create, list, get), M2M tokens (create with a machine's
// secret key, list, revoke, verify), API keys (create, list, get, update, secret, revoke,
// delete, verify) and verification of OAuth access tokens the fake issued
// (fake.issueOAuthAccessToken). Expired and revoked tokens verify as such (the flags in the
// answer), unknown ones are 404, as clerk-fn/auth expects.
import { param, type HandlerContext, type Handlers } from "../context.js";
import { formatInvalid, jsonResponse, machineSecretKeyRequired, notFound, paramMissing } from "../errors.js";
import { clerkId, hexId, secret } from "../ids.js";
import { matchesQuery, orderBy, page } from "../listing.js";
import type { Metadata } from "../metadata.js";
import type { MachineRecord, MachineTokenRecord } from "../store.js";
import { validateBody, type BodySpec } from "../validate.js";

const isExpired = (ctx: HandlerContext, token: MachineTokenRecord): boolean =>
  token.expiration !== null && token.expiration <= ctx.now();

// Machines

export function renderMachine(
  ctx: HandlerContext,
  machine: MachineRecord,
  withSecret = false,
): Record<string, unknown> {
  const { seq: _seq, secret_key, scoped_machines, ...fields } = machine;
  const scoped = scoped_machines.flatMap((id) => {
    const other = ctx.store.machines.get(id);
    if (!other) return [];
    const { seq: _s, secret_key: _k, scoped_machines: _m, ...rest } = other;
    return [{ object: "machine", ...rest, instance_id: ctx.store.instanceId }];
  });
  return {
    object: "machine",
    ...fields,
    instance_id: ctx.store.instanceId,
    scoped_machines: scoped,
    ...(withSecret ? { secret_key } : {}),
  };
}

function createMachine(ctx: HandlerContext) {
  const body = validateBody(ctx.body, {
    name: {
      type: "string",
      required: true,
      format: (v) => (v.length <= 255 ? undefined : "must be at most 255 characters"),
    },
    scoped_machines: { type: "string[]" },
    default_token_ttl: { type: "integer", min: 1, max: 315_360_000 },
  });
  const scoped = (body["scoped_machines"] as string[] | undefined) ?? [];
  for (const id of scoped) if (!ctx.store.machines.has(id)) throw notFound(`Machine ${id}`);
  const now = ctx.now();
  const machine: MachineRecord = {
    id: clerkId("mch"),
    seq: ctx.nextSeq(),
    name: body["name"] as string,
    secret_key: secret("ak_", 40),
    default_token_ttl: (body["default_token_ttl"] as number | undefined) ?? 3600,
    scoped_machines: scoped,
    created_at: now,
    updated_at: now,
  };
  ctx.store.machines.set(machine.id, machine);
  return renderMachine(ctx, machine, true);
}

export function findMachine(ctx: HandlerContext): MachineRecord {
  const machine = ctx.store.machines.get(param(ctx, "machine_id"));
  if (!machine) throw notFound("Machine");
  return machine;
}

function listMachines(ctx: HandlerContext) {
  const text = ctx.query.get("query");
  const matching = [...ctx.store.machines.values()].filter((m) => !text || matchesQuery(text, [m.id, m.name]));
  const sorted = orderBy(matching, ctx.query, { created_at: (m) => m.created_at, name: (m) => m.name }, "-created_at");
  return { data: page(sorted, ctx.query).map((m) => renderMachine(ctx, m)), total_count: matching.length };
}

// Token records (API keys, M2M tokens, OAuth access tokens)

function renderApiKey(ctx: HandlerContext, key: MachineTokenRecord, withSecret = false): Record<string, unknown> {
  return {
    object: "api_key",
    id: key.id,
    type: "api_key",
    subject: key.subject,
    name: key.name,
    description: key.description,
    claims: key.claims,
    scopes: key.scopes,
    ...(withSecret ? { secret: key.secret } : {}),
    revoked: key.revoked,
    revocation_reason: key.revocation_reason,
    expired: isExpired(ctx, key),
    expiration: key.expiration,
    created_by: key.created_by,
    last_used_at: key.last_used_at,
    created_at: key.created_at,
    updated_at: key.updated_at,
  };
}

function renderM2MToken(ctx: HandlerContext, token: MachineTokenRecord, withToken = false): Record<string, unknown> {
  return {
    object: "machine_to_machine_token",
    id: token.id,
    subject: token.subject,
    claims: token.claims,
    scopes: token.scopes,
    ...(withToken ? { token: token.secret } : {}),
    revoked: token.revoked,
    revocation_reason: token.revocation_reason,
    expired: isExpired(ctx, token),
    expiration: token.expiration,
    last_used_at: token.last_used_at,
    created_at: token.created_at,
    updated_at: token.updated_at,
  };
}

function renderOAuthToken(ctx: HandlerContext, token: MachineTokenRecord): Record<string, unknown> {
  return {
    object: "clerk_idp_oauth_access_token",
    id: token.id,
    client_id: token.client_id ?? "",
    subject: token.subject,
    scopes: token.scopes,
    revoked: token.revoked,
    revocation_reason: token.revocation_reason,
    expired: isExpired(ctx, token),
    expiration: token.expiration,
    created_at: token.created_at,
    updated_at: token.updated_at,
  };
}

interface NewToken {
  readonly kind: MachineTokenRecord["kind"];
  readonly subject: string;
  readonly name?: string;
  readonly description?: string | null;
  readonly claims?: Metadata | null;
  readonly scopes?: string[];
  readonly secondsUntilExpiration?: number | null;
  readonly createdBy?: string | null;
  readonly clientId?: string | null;
}

const TOKEN_PREFIX = { api_key: "ak", m2m_token: "mt", oauth_token: "oat" } as const;

/** Stores a token record (also used by fake.issueOAuthAccessToken). */
export function storeToken(ctx: HandlerContext, input: NewToken): MachineTokenRecord {
  const now = ctx.now();
  const prefix = TOKEN_PREFIX[input.kind];
  const token: MachineTokenRecord = {
    id: hexId(prefix),
    seq: ctx.nextSeq(),
    kind: input.kind,
    secret: secret(`${prefix}_`, 40),
    subject: input.subject,
    name: input.name ?? "",
    description: input.description ?? null,
    claims: input.claims ?? null,
    scopes: input.scopes ?? [],
    revoked: false,
    revocation_reason: null,
    expiration: input.secondsUntilExpiration ? now + input.secondsUntilExpiration * 1000 : null,
    created_by: input.createdBy ?? null,
    last_used_at: null,
    client_id: input.clientId ?? null,
    created_at: now,
    updated_at: now,
  };
  ctx.store.machineTokens.set(token.id, token);
  return token;
}

function findToken(ctx: HandlerContext, kind: MachineTokenRecord["kind"], id: string): MachineTokenRecord {
  const token = ctx.store.machineTokens.get(id);
  if (!token || token.kind !== kind) throw notFound(kind === "api_key" ? "API key" : "Token");
  return token;
}

/** The verify endpoints: by the presented secret; unknown is 404, and a use is recorded. */
function verifyBySecret(ctx: HandlerContext, kind: MachineTokenRecord["kind"], presented: string): MachineTokenRecord {
  for (const token of ctx.store.machineTokens.values()) {
    if (token.kind === kind && token.secret === presented) {
      token.last_used_at = ctx.now();
      return token;
    }
  }
  throw notFound(kind === "api_key" ? "API key" : "Token");
}

function revoke(ctx: HandlerContext, token: MachineTokenRecord): void {
  const body = validateBody(ctx.body, { revocation_reason: { type: "string", nullable: true } });
  token.revoked = true;
  token.revocation_reason = (body["revocation_reason"] as string | null | undefined) ?? null;
  token.updated_at = ctx.now();
}

// API keys

const SUBJECT = /^(user|org|mch|scim)_\w{27}$/;
const subjectFormat = (value: string) => (SUBJECT.test(value) ? undefined : "must be a user_, org_, mch_ or scim_ id");

function assertSubjectExists(ctx: HandlerContext, subject: string): void {
  const table = subject.startsWith("user_")
    ? ctx.store.users
    : subject.startsWith("org_")
      ? ctx.store.organizations
      : subject.startsWith("mch_")
        ? ctx.store.machines
        : undefined;
  if (table && !table.has(subject)) throw notFound("Subject");
}

const apiKeyFields: BodySpec = {
  name: {
    type: "string",
    required: true,
    format: (v) =>
      v.trim().length >= 3 && v.trim() === v ? undefined : "must be at least 3 characters, without surrounding spaces",
  },
  subject: { type: "string", required: true, format: subjectFormat },
  description: { type: "string", nullable: true },
  claims: { type: "any", nullable: true },
  scopes: { type: "string[]" },
  created_by: { type: "string", nullable: true },
  seconds_until_expiration: { type: "integer", nullable: true, min: 1 },
};

function createApiKey(ctx: HandlerContext) {
  const body = validateBody(ctx.body, apiKeyFields);
  assertSubjectExists(ctx, body["subject"] as string);
  if (typeof body["created_by"] === "string" && !ctx.store.users.has(body["created_by"])) throw notFound("User");
  const key = storeToken(ctx, {
    kind: "api_key",
    subject: body["subject"] as string,
    name: body["name"] as string,
    description: body["description"] as string | null | undefined,
    claims: body["claims"] as Metadata | null | undefined,
    scopes: body["scopes"] as string[] | undefined,
    secondsUntilExpiration: body["seconds_until_expiration"] as number | null | undefined,
    createdBy: body["created_by"] as string | null | undefined,
  });
  return renderApiKey(ctx, key, true);
}

function listApiKeys(ctx: HandlerContext) {
  const subject = ctx.query.get("subject");
  if (!subject) throw paramMissing("subject");
  const includeInvalid = ctx.query.get("include_invalid") === "true";
  const text = ctx.query.get("query");
  const matching = [...ctx.store.machineTokens.values()].filter(
    (k) =>
      k.kind === "api_key" &&
      k.subject === subject &&
      (includeInvalid || (!k.revoked && !isExpired(ctx, k))) &&
      (!text || matchesQuery(text, [k.name])),
  );
  return {
    data: page(matching, ctx.query, 100).map((k) => renderApiKey(ctx, k)),
    total_count: matching.length,
  };
}

function updateApiKey(ctx: HandlerContext) {
  const key = findToken(ctx, "api_key", param(ctx, "apiKeyID"));
  const body = validateBody(ctx.body, {
    claims: { type: "any", nullable: true },
    scopes: { type: "string[]" },
    description: { type: "string", nullable: true },
    subject: { type: "string", format: subjectFormat },
    seconds_until_expiration: { type: "integer", nullable: true, min: 1 },
  });
  if (typeof body["subject"] === "string") assertSubjectExists(ctx, body["subject"]);
  if ("claims" in body) key.claims = (body["claims"] as Metadata | null) ?? null;
  if (Array.isArray(body["scopes"])) key.scopes = body["scopes"] as string[];
  if ("description" in body) key.description = (body["description"] as string | null) ?? null;
  if (typeof body["seconds_until_expiration"] === "number")
    key.expiration = ctx.now() + body["seconds_until_expiration"] * 1000;
  if (typeof body["subject"] === "string") (key as { subject: string }).subject = body["subject"];
  key.updated_at = ctx.now();
  return renderApiKey(ctx, key);
}

// M2M tokens

/** createM2MToken is called with a machine's secret key; the token's subject is that machine. */
function createM2MToken(ctx: HandlerContext) {
  const machine = ctx.callerMachineId ? ctx.store.machines.get(ctx.callerMachineId) : undefined;
  if (!machine) throw machineSecretKeyRequired();
  const body = validateBody(ctx.body, {
    token_format: { type: "string", oneOf: ["opaque"] },
    seconds_until_expiration: { type: "integer", nullable: true, min: 1 },
    claims: { type: "any", nullable: true },
    min_remaining_ttl_seconds: { type: "integer", min: 0 },
  });
  const token = storeToken(ctx, {
    kind: "m2m_token",
    subject: machine.id,
    claims: body["claims"] as Metadata | null | undefined,
    scopes: [...machine.scoped_machines],
    secondsUntilExpiration:
      (body["seconds_until_expiration"] as number | null | undefined) ?? machine.default_token_ttl,
  });
  return jsonResponse(renderM2MToken(ctx, token, true), 201);
}

function listM2MTokens(ctx: HandlerContext) {
  const subject = ctx.query.get("subject");
  if (!subject) throw paramMissing("subject");
  if (!/^mch_\w{27}$/.test(subject)) throw formatInvalid("subject", "must be a mch_ id");
  const revoked = ctx.query.get("revoked") === "true";
  const expired = ctx.query.get("expired") === "true";
  const matching = [...ctx.store.machineTokens.values()].filter(
    (t) =>
      t.kind === "m2m_token" && t.subject === subject && (revoked || !t.revoked) && (expired || !isExpired(ctx, t)),
  );
  return {
    m2m_tokens: page(matching, ctx.query, 100).map((t) => renderM2MToken(ctx, t)),
    total_count: matching.length,
  };
}

export const machineTokenHandlers: Handlers = {
  CreateMachine: createMachine,
  ListMachines: listMachines,
  GetMachine: (ctx) => renderMachine(ctx, findMachine(ctx)),
  createApiKey,
  getApiKeys: listApiKeys,
  getApiKey: (ctx) => renderApiKey(ctx, findToken(ctx, "api_key", param(ctx, "apiKeyID"))),
  updateApiKey,
  getApiKeySecret: (ctx) => ({ secret: findToken(ctx, "api_key", param(ctx, "apiKeyID")).secret }),
  revokeApiKey: (ctx) => {
    const key = findToken(ctx, "api_key", param(ctx, "apiKeyID"));
    revoke(ctx, key);
    return renderApiKey(ctx, key);
  },
  deleteApiKey: (ctx) => {
    const key = findToken(ctx, "api_key", param(ctx, "apiKeyID"));
    ctx.store.machineTokens.delete(key.id);
    return { id: key.id, object: "api_key", deleted: true };
  },
  verifyApiKey: (ctx) => {
    const body = validateBody(ctx.body, { secret: { type: "string", required: true } });
    return renderApiKey(ctx, verifyBySecret(ctx, "api_key", body["secret"] as string));
  },
  createM2MToken,
  getM2MTokens: listM2MTokens,
  revokeM2MToken: (ctx) => {
    const token = findToken(ctx, "m2m_token", param(ctx, "m2m_token_id"));
    revoke(ctx, token);
    return renderM2MToken(ctx, token);
  },
  verifyM2MToken: (ctx) => {
    const body = validateBody(ctx.body, { token: { type: "string", required: true } });
    return renderM2MToken(ctx, verifyBySecret(ctx, "m2m_token", body["token"] as string));
  },
  verifyOAuthAccessToken: (ctx) => {
    const body = validateBody(ctx.body, { access_token: { type: "string", required: true } });
    return renderOAuthToken(ctx, verifyBySecret(ctx, "oauth_token", body["access_token"] as string));
  },
};
