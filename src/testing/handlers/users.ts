// Users: create, get, list and count with Clerk's filters, update, metadata, ban/lock, delete.
import { param, type HandlerContext, type Handlers } from "../context.js";
import {
  formatInvalid,
  identifierExists,
  passwordTooShort,
  usernameInvalidCharacter,
  usernameInvalidLength,
} from "../errors.js";
import { clerkId } from "../ids.js";
import { matchesQuery, orderBy, page, queryBool, queryIdFilter, queryList } from "../listing.js";
import { applyMetadata, type Metadata } from "../metadata.js";
import type { UserRecord } from "../store.js";
import { dateTimeField, emailFormat, phoneFormat, validateBody, type Body, type BodySpec } from "../validate.js";
import { addIdentification, assertIdentifierFree, identificationsOf, removeIdentification } from "./identifications.js";
import { findUser, touchUser } from "./lookup.js";
import { revokeSessionsOf } from "./session-actions.js";
import { renderUser } from "./render-user.js";
import { checkUserFactors, rememberPassword, setUpUserFactors } from "./user-factors.js";

const profileFields: BodySpec = {
  external_id: { type: "string", nullable: true },
  first_name: { type: "string", nullable: true },
  last_name: { type: "string", nullable: true },
  locale: { type: "string", nullable: true },
  username: { type: "string", nullable: true },
  password: { type: "string", nullable: true },
  skip_password_checks: { type: "boolean", nullable: true },
  delete_self_enabled: { type: "boolean", nullable: true },
  create_organization_enabled: { type: "boolean", nullable: true },
  create_organizations_limit: { type: "integer", nullable: true },
  legal_accepted_at: { type: "string", nullable: true },
  created_at: { type: "string", nullable: true },
};

const createFields: BodySpec = {
  ...profileFields,
  email_address: { type: "string[]", format: emailFormat },
  phone_number: { type: "string[]", format: phoneFormat },
  public_metadata: { type: "object" },
  private_metadata: { type: "object" },
  unsafe_metadata: { type: "object" },
  banned: { type: "boolean", nullable: true },
  locked: { type: "boolean", nullable: true },
  // Factors (user-factors.ts).
  totp_secret: { type: "string", nullable: true },
  backup_codes: { type: "string[]" },
  web3_wallet: { type: "string[]" },
};

const updateFields: BodySpec = {
  ...profileFields,
  primary_email_address_id: { type: "string", nullable: true },
  primary_phone_number_id: { type: "string", nullable: true },
  notify_primary_email_address_changed: { type: "boolean", nullable: true },
};

const metadataFields: BodySpec = {
  public_metadata: { type: "object" },
  private_metadata: { type: "object" },
  unsafe_metadata: { type: "object" },
};

/** Clerk's password and username rules, and the uniqueness of username and external_id. */
function checkProfile(ctx: HandlerContext, body: Body, self?: string): void {
  const password = body["password"];
  if (typeof password === "string" && password.length < 8 && body["skip_password_checks"] !== true)
    throw passwordTooShort();
  const username = body["username"];
  if (typeof username === "string") {
    if (username.length < 4 || username.length > 64) throw usernameInvalidLength();
    if (!/^[A-Za-z0-9_-]+$/.test(username)) throw usernameInvalidCharacter();
  }
  const externalId = body["external_id"];
  for (const user of ctx.store.users.values()) {
    if (user.id === self) continue;
    if (typeof username === "string" && user.username?.toLowerCase() === username.toLowerCase())
      throw identifierExists("username");
    if (typeof externalId === "string" && user.external_id === externalId) throw identifierExists("external_id");
  }
}

/** Validates a CreateUser body and stores the user (also used to apply `seed`). */
export function createUser(ctx: HandlerContext, input: unknown, id = clerkId("user")): UserRecord {
  const body = validateBody(input, createFields);
  checkProfile(ctx, body);
  checkUserFactors(body);
  const emails = (body["email_address"] as string[] | undefined) ?? [];
  const phones = (body["phone_number"] as string[] | undefined) ?? [];
  // Every check runs before anything is stored: a rejected request leaves no trace.
  for (const email of emails) assertIdentifierFree(ctx.store, "email_address", email);
  for (const phone of phones) assertIdentifierFree(ctx.store, "phone_number", phone);
  if (new Set(emails.map((e) => e.toLowerCase())).size < emails.length) throw identifierExists("email_address");
  if (new Set(phones).size < phones.length) throw identifierExists("phone_number");
  const now = ctx.now();
  const created = dateTimeField("created_at", body["created_at"]) ?? now;
  const user: UserRecord = {
    id,
    seq: ctx.nextSeq(),
    external_id: (body["external_id"] as string | null | undefined) ?? null,
    username: (body["username"] as string | null | undefined) ?? null,
    first_name: (body["first_name"] as string | null | undefined) ?? null,
    last_name: (body["last_name"] as string | null | undefined) ?? null,
    locale: (body["locale"] as string | null | undefined) ?? null,
    primary_email_address_id: null,
    primary_phone_number_id: null,
    password_enabled: typeof body["password"] === "string",
    public_metadata: (body["public_metadata"] as Metadata | undefined) ?? {},
    private_metadata: (body["private_metadata"] as Metadata | undefined) ?? {},
    unsafe_metadata: (body["unsafe_metadata"] as Metadata | undefined) ?? {},
    banned: body["banned"] === true,
    locked: body["locked"] === true,
    delete_self_enabled: body["delete_self_enabled"] !== false,
    create_organization_enabled: body["create_organization_enabled"] !== false,
    create_organizations_limit: (body["create_organizations_limit"] as number | null | undefined) ?? null,
    legal_accepted_at: dateTimeField("legal_accepted_at", body["legal_accepted_at"]) ?? null,
    last_sign_in_at: null,
    last_active_at: null,
    created_at: created,
    updated_at: created,
  };
  ctx.store.users.set(user.id, user);
  setUpUserFactors(ctx, user, body);
  for (const email of emails) addIdentification(ctx, user, "email_address", email, { verified: true });
  for (const phone of phones) addIdentification(ctx, user, "phone_number", phone, { verified: true });
  ctx.emit("user.created", renderUser(ctx, user));
  return user;
}

function updateUser(ctx: HandlerContext) {
  const user = findUser(ctx, param(ctx, "user_id"));
  const body = validateBody(ctx.body, updateFields);
  checkProfile(ctx, body, user.id);
  for (const key of ["primary_email_address_id", "primary_phone_number_id"] as const) {
    const id = body[key];
    if (typeof id !== "string") continue;
    const kind = key === "primary_email_address_id" ? "email_address" : "phone_number";
    if (!identificationsOf(ctx.store, user.id, kind).some((record) => record.id === id)) {
      throw formatInvalid(
        key,
        `must be the id of one of this user's ${kind === "email_address" ? "email addresses" : "phone numbers"}`,
      );
    }
  }
  const legalAcceptedAt = dateTimeField("legal_accepted_at", body["legal_accepted_at"]);
  const createdAt = dateTimeField("created_at", body["created_at"]);
  for (const key of [
    "external_id",
    "username",
    "first_name",
    "last_name",
    "locale",
    "create_organizations_limit",
    "primary_email_address_id",
    "primary_phone_number_id",
  ] as const) {
    if (key in body) (user as unknown as Record<string, unknown>)[key] = body[key] ?? null;
  }
  for (const key of ["delete_self_enabled", "create_organization_enabled"] as const) {
    if (typeof body[key] === "boolean") user[key] = body[key];
  }
  if (typeof body["password"] === "string") user.password_enabled = true;
  rememberPassword(ctx, user.id, body["password"]);
  if (legalAcceptedAt !== undefined) user.legal_accepted_at = legalAcceptedAt;
  if (createdAt !== undefined) user.created_at = createdAt;
  return changed(ctx, user);
}

/** Stamps the change, renders the user and announces it (user.updated). */
function changed(ctx: HandlerContext, user: UserRecord): Record<string, unknown> {
  touchUser(ctx, user);
  const rendered = renderUser(ctx, user);
  ctx.emit("user.updated", rendered);
  return rendered;
}

function updateMetadata(replace: boolean) {
  return (ctx: HandlerContext) => {
    const user = findUser(ctx, param(ctx, "user_id"));
    const body = validateBody(ctx.body, metadataFields);
    applyMetadata(user, body, ["public_metadata", "private_metadata", "unsafe_metadata"], replace);
    return changed(ctx, user);
  };
}

function setFlag(flag: "banned" | "locked", value: boolean) {
  return (ctx: HandlerContext) => {
    const user = findUser(ctx, param(ctx, "user_id"));
    user[flag] = value;
    return changed(ctx, user);
  };
}

/** GetUserList and GetUsersCount share these filters. */
function filterUsers(ctx: HandlerContext): UserRecord[] {
  const { query, store } = ctx;
  const lowerSet = (name: string) => new Set(queryList(query, name).map((value) => value.toLowerCase()));
  const emails = lowerSet("email_address");
  const phones = new Set(queryList(query, "phone_number"));
  const usernames = lowerSet("username");
  const ids = queryIdFilter(query, "user_id");
  const externalIds = queryIdFilter(query, "external_id");
  const organizationIds = queryIdFilter(query, "organization_id");
  const text = query.get("query");
  const banned = queryBool(query, "banned");
  return [...store.users.values()].filter((user) => {
    const userEmails = identificationsOf(store, user.id, "email_address").map((record) => record.value);
    const userPhones = identificationsOf(store, user.id, "phone_number").map((record) => record.value);
    if (emails.size && !userEmails.some((email) => emails.has(email.toLowerCase()))) return false;
    if (phones.size && !userPhones.some((phone) => phones.has(phone))) return false;
    if (usernames.size && !usernames.has(user.username?.toLowerCase() ?? "")) return false;
    if (!ids.admits(user.id)) return false;
    if (!externalIds.admits(user.external_id)) return false;
    if (
      organizationIds.active &&
      !organizationIds.admits(store.memberships.by("user", user.id).map((m) => m.organization_id))
    )
      return false;
    if (banned !== undefined && user.banned !== banned) return false;
    if (
      text &&
      !matchesQuery(text, [
        user.id,
        user.username,
        user.first_name,
        user.last_name,
        user.external_id,
        ...userEmails,
        ...userPhones,
      ])
    )
      return false;
    return true;
  });
}

function listUsers(ctx: HandlerContext) {
  const valueOf = (identificationId: string | null) =>
    identificationId ? ctx.store.identifications.get(identificationId)?.value : undefined;
  const sorted = orderBy(
    filterUsers(ctx),
    ctx.query,
    {
      created_at: (user) => user.created_at,
      updated_at: (user) => user.updated_at,
      email_address: (user) => valueOf(user.primary_email_address_id),
      phone_number: (user) => valueOf(user.primary_phone_number_id),
      username: (user) => user.username,
      first_name: (user) => user.first_name,
      last_name: (user) => user.last_name,
      last_active_at: (user) => user.last_active_at,
      last_sign_in_at: (user) => user.last_sign_in_at,
    },
    "-created_at",
  );
  return page(afterCursor(ctx, sorted), ctx.query).map((user) => renderUser(ctx, user));
}

/**
 * `starting_after`: the users after the one with that id. Only over a created_at order
 * (the other orders are neither unique nor fixed) and without a non-zero offset; both are 422.
 */
function afterCursor(ctx: HandlerContext, sorted: UserRecord[]): UserRecord[] {
  const cursor = ctx.query.get("starting_after");
  if (cursor === null || cursor === "") return sorted;
  const order = ctx.query.get("order_by") || "-created_at";
  if (order.replace(/^[-+]/, "") !== "created_at")
    throw formatInvalid("starting_after", "can only be used when ordering by created_at");
  const offset = ctx.query.get("offset");
  if (offset !== null && offset !== "" && Number(offset) !== 0)
    throw formatInvalid("offset", "cannot be combined with starting_after");
  // The cursor user need not match the filters any more: its place in the order is enough.
  const last = ctx.store.users.get(cursor);
  if (!last) throw formatInvalid("starting_after", "must be the id of an existing user");
  const sign = order.startsWith("-") ? -1 : 1;
  const position = (user: UserRecord) => sign * (user.created_at - last.created_at || user.seq - last.seq);
  return sorted.filter((user) => position(user) > 0);
}

/** Deletes a user and everything that belongs to it (identifications, memberships). */
function deleteUser(ctx: HandlerContext) {
  const user = findUser(ctx, param(ctx, "user_id"));
  for (const record of identificationsOf(ctx.store, user.id, "email_address")) removeIdentification(ctx, record);
  for (const record of identificationsOf(ctx.store, user.id, "phone_number")) removeIdentification(ctx, record);
  for (const [id, membership] of ctx.store.memberships)
    if (membership.user_id === user.id) ctx.store.memberships.delete(id);
  ctx.store.users.delete(user.id);
  ctx.store.userFactors.delete(user.id);
  const deleted = { object: "user", id: user.id, deleted: true };
  ctx.emit("user.deleted", deleted);
  return deleted;
}

export const userHandlers: Handlers = {
  CreateUser: (ctx) => renderUser(ctx, createUser(ctx, ctx.body)),
  GetUser: (ctx) => renderUser(ctx, findUser(ctx, param(ctx, "user_id"))),
  GetUserList: listUsers,
  GetUsersCount: (ctx) => ({ object: "total_count", total_count: filterUsers(ctx).length }),
  UpdateUser: updateUser,
  UpdateUserMetadata: updateMetadata(false),
  ReplaceUserMetadata: updateMetadata(true),
  // Banning signs the user out everywhere, as on Clerk.
  BanUser: (ctx) => {
    const banned = setFlag("banned", true)(ctx);
    revokeSessionsOf(ctx, param(ctx, "user_id"));
    return banned;
  },
  UnbanUser: setFlag("banned", false),
  LockUser: setFlag("locked", true),
  UnlockUser: setFlag("locked", false),
  DeleteUser: deleteUser,
};
