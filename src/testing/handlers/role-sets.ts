// Role sets of the instance's catalog (catalog.ts): which roles an organization offers, its
// default role and its creator role. Create, list, get (by key or id), update, add roles,
// replace a role (its members move to another), and replace a whole set (it is deleted and
// the organizations using it move to another).
import { requireRole } from "../catalog.js";
import { param, type HandlerContext, type Handlers } from "../context.js";
import { catalogConflict, duplicateRecord, formatInvalid, notFound } from "../errors.js";
import { clerkId } from "../ids.js";
import type { MembershipRecord, RoleRecord, RoleSetRecord } from "../store.js";
import { validateBody, type BodySpec } from "../validate.js";
import { listCatalog } from "./organization-roles.js";

const ROLE_SET_KEY = /^role_set:[a-z0-9_]+$/;
const keyFormat = (value: string) =>
  ROLE_SET_KEY.test(value) ? undefined : "must look like role_set:name (lowercase letters, digits and _)";

function renderItem(ctx: HandlerContext, role: RoleRecord, roleSet: RoleSetRecord): Record<string, unknown> {
  const members = membersOf(ctx, roleSet).filter((m) => m.role === role.key).length;
  return {
    object: "role_set_item",
    id: role.id,
    name: role.name,
    key: role.key,
    description: role.description,
    members_count: members,
    has_members: members > 0,
    created_at: role.created_at,
    updated_at: role.updated_at,
  };
}

function renderRoleSet(ctx: HandlerContext, roleSet: RoleSetRecord): Record<string, unknown> {
  const { seq: _seq, role_ids, default_role_id, creator_role_id, ...fields } = roleSet;
  const item = (id: string) => {
    const role = ctx.store.roles.get(id);
    return role ? renderItem(ctx, role, roleSet) : null;
  };
  return {
    object: "role_set",
    ...fields,
    roles: role_ids.flatMap((id) => item(id) ?? []),
    default_role: item(default_role_id),
    creator_role: item(creator_role_id),
    role_set_migration: null,
  };
}

/**
 * The memberships a role set governs. Organizations in the fake record no role set of their
 * own (role_set_key null), so the initial set governs all of them and a custom set none.
 */
const membersOf = (ctx: HandlerContext, roleSet: RoleSetRecord): MembershipRecord[] =>
  roleSet.type === "initial" ? [...ctx.store.memberships.values()] : [];

function findRoleSet(ctx: HandlerContext, keyOrId = param(ctx, "role_set_key_or_id")): RoleSetRecord {
  for (const roleSet of ctx.store.roleSets.values())
    if (roleSet.id === keyOrId || roleSet.key === keyOrId) return roleSet;
  throw notFound("Role set");
}

/** The id of a role that must be one of `roleIds` (default and creator roles). */
function memberRole(ctx: HandlerContext, name: string, key: string, roleIds: readonly string[]): string {
  const role = requireRole(ctx, key);
  if (!roleIds.includes(role.id)) throw formatInvalid(name, "must be one of the role set's roles");
  return role.id;
}

function assertKeyFree(ctx: HandlerContext, key: string, self?: string): void {
  for (const roleSet of ctx.store.roleSets.values())
    if (roleSet.id !== self && roleSet.key === key) throw duplicateRecord(`a role set with the key ${key}`);
}

/** Only one role set is "initial": making another one initial makes the old one custom. */
function makeInitial(ctx: HandlerContext, roleSet: RoleSetRecord): void {
  for (const other of ctx.store.roleSets.values()) if (other !== roleSet) other.type = "custom";
  roleSet.type = "initial";
}

const fields: BodySpec = {
  name: { type: "string" },
  key: { type: "string", format: keyFormat },
  description: { type: "string", nullable: true },
  type: { type: "string", oneOf: ["initial", "custom"] },
  default_role_key: { type: "string" },
  creator_role_key: { type: "string" },
};

function createRoleSet(ctx: HandlerContext) {
  const body = validateBody(ctx.body, {
    ...fields,
    name: { type: "string", required: true },
    default_role_key: { type: "string", required: true },
    creator_role_key: { type: "string", required: true },
    roles: { type: "string[]", required: true },
  });
  const roleKeys = [...new Set(body["roles"] as string[])];
  if (roleKeys.length === 0) throw formatInvalid("roles", "must name at least one role");
  const roleIds = roleKeys.map((key) => requireRole(ctx, key).id);
  const name = body["name"] as string;
  const key = (body["key"] as string | undefined) ?? `role_set:${name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
  if (keyFormat(key)) throw formatInvalid("key", keyFormat(key));
  assertKeyFree(ctx, key);
  const now = ctx.now();
  const roleSet: RoleSetRecord = {
    id: clerkId("role_set"),
    seq: ctx.nextSeq(),
    name,
    key,
    description: (body["description"] as string | null | undefined) ?? null,
    type: "custom",
    role_ids: roleIds,
    default_role_id: memberRole(ctx, "default_role_key", body["default_role_key"] as string, roleIds),
    creator_role_id: memberRole(ctx, "creator_role_key", body["creator_role_key"] as string, roleIds),
    created_at: now,
    updated_at: now,
  };
  ctx.store.roleSets.set(roleSet.id, roleSet);
  if (body["type"] === "initial") makeInitial(ctx, roleSet);
  return renderRoleSet(ctx, roleSet);
}

function updateRoleSet(ctx: HandlerContext) {
  const roleSet = findRoleSet(ctx);
  const body = validateBody(ctx.body, fields);
  if (typeof body["key"] === "string") assertKeyFree(ctx, body["key"], roleSet.id);
  const defaultRole =
    typeof body["default_role_key"] === "string"
      ? memberRole(ctx, "default_role_key", body["default_role_key"], roleSet.role_ids)
      : undefined;
  const creatorRole =
    typeof body["creator_role_key"] === "string"
      ? memberRole(ctx, "creator_role_key", body["creator_role_key"], roleSet.role_ids)
      : undefined;
  if (body["type"] === "custom" && roleSet.type === "initial")
    throw formatInvalid("type", "cannot make the initial role set custom; make another one initial instead");
  if (typeof body["name"] === "string") roleSet.name = body["name"];
  if (typeof body["key"] === "string") roleSet.key = body["key"];
  if ("description" in body) roleSet.description = (body["description"] as string | null) ?? null;
  if (defaultRole) roleSet.default_role_id = defaultRole;
  if (creatorRole) roleSet.creator_role_id = creatorRole;
  if (body["type"] === "initial") makeInitial(ctx, roleSet);
  roleSet.updated_at = ctx.now();
  return renderRoleSet(ctx, roleSet);
}

function addRoles(ctx: HandlerContext) {
  const roleSet = findRoleSet(ctx);
  const body = validateBody(ctx.body, {
    role_keys: { type: "string[]", required: true },
    default_role_key: { type: "string" },
    creator_role_key: { type: "string" },
  });
  const keys = body["role_keys"] as string[];
  if (keys.length === 0) throw formatInvalid("role_keys", "must name at least one role");
  const added = keys.map((key) => requireRole(ctx, key).id).filter((id) => !roleSet.role_ids.includes(id));
  const roleIds = [...roleSet.role_ids, ...new Set(added)];
  const defaultRole =
    typeof body["default_role_key"] === "string"
      ? memberRole(ctx, "default_role_key", body["default_role_key"], roleIds)
      : undefined;
  const creatorRole =
    typeof body["creator_role_key"] === "string"
      ? memberRole(ctx, "creator_role_key", body["creator_role_key"], roleIds)
      : undefined;
  roleSet.role_ids = roleIds;
  if (defaultRole) roleSet.default_role_id = defaultRole;
  if (creatorRole) roleSet.creator_role_id = creatorRole;
  roleSet.updated_at = ctx.now();
  return renderRoleSet(ctx, roleSet);
}

/** Removes a role from the set; members of organizations using the set that had it get `to_role_key`. */
function replaceRole(ctx: HandlerContext) {
  const roleSet = findRoleSet(ctx);
  const body = validateBody(ctx.body, {
    role_key: { type: "string", required: true },
    to_role_key: { type: "string", required: true },
  });
  const from = requireRole(ctx, body["role_key"] as string);
  const to = requireRole(ctx, body["to_role_key"] as string);
  if (!roleSet.role_ids.includes(from.id)) throw formatInvalid("role_key", "must be one of the role set's roles");
  if (!roleSet.role_ids.includes(to.id) || to.id === from.id)
    throw formatInvalid("to_role_key", "must be another of the role set's roles");
  if (roleSet.default_role_id === from.id || roleSet.creator_role_id === from.id)
    throw catalogConflict(422, "role_in_use", `${from.key} is the role set's default or creator role.`);
  const now = ctx.now();
  for (const m of membersOf(ctx, roleSet)) {
    if (m.role === from.key) {
      m.role = to.key;
      m.updated_at = now;
    }
  }
  roleSet.role_ids = roleSet.role_ids.filter((id) => id !== from.id);
  roleSet.updated_at = now;
  return renderRoleSet(ctx, roleSet);
}

/** Deletes the set; its organizations move to `dest_role_set_key` (roles mapped by reassignment_mappings). */
function replaceRoleSet(ctx: HandlerContext) {
  const roleSet = findRoleSet(ctx);
  const body = validateBody(ctx.body, {
    dest_role_set_key: { type: "string", required: true },
    reassignment_mappings: { type: "object", nullable: true },
  });
  const dest = findRoleSet(ctx, body["dest_role_set_key"] as string);
  if (dest === roleSet) throw formatInvalid("dest_role_set_key", "must be another role set");
  const mappings = (body["reassignment_mappings"] as Record<string, unknown> | null | undefined) ?? {};
  const destKeys = new Set(dest.role_ids.map((id) => ctx.store.roles.get(id)?.key));
  const moved = membersOf(ctx, roleSet);
  // Every member must land on a role of the destination set before anything changes.
  const targets = moved.map((m) => {
    const target = destKeys.has(m.role) ? m.role : mappings[m.role];
    if (typeof target !== "string" || !destKeys.has(target))
      throw formatInvalid("reassignment_mappings", `must map ${m.role} to a role of ${dest.key}`);
    return target;
  });
  const now = ctx.now();
  moved.forEach((m, i) => {
    const target = targets[i] ?? m.role;
    if (target !== m.role) {
      m.role = target;
      m.updated_at = now;
    }
  });
  if (roleSet.type === "initial") makeInitial(ctx, dest);
  ctx.store.roleSets.delete(roleSet.id);
  return { object: "role_set", id: roleSet.id, deleted: true };
}

export const roleSetHandlers: Handlers = {
  ListRoleSets: (ctx) => listCatalog(ctx, ctx.store.roleSets.values(), (roleSet) => renderRoleSet(ctx, roleSet)),
  CreateRoleSet: createRoleSet,
  GetRoleSet: (ctx) => renderRoleSet(ctx, findRoleSet(ctx)),
  UpdateRoleSet: updateRoleSet,
  AddRolesToRoleSet: addRoles,
  ReplaceRoleInRoleSet: replaceRole,
  ReplaceRoleSet: replaceRoleSet,
};
