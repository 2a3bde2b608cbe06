// Organization permissions and roles of the instance's catalog (catalog.ts): create, list
// (query, order_by, paging), get, update, delete, and assigning permissions to roles.
// System permissions cannot be changed; a role in use cannot be deleted.
import { roleByKey } from "../catalog.js";
import { param, type HandlerContext, type Handlers } from "../context.js";
import { catalogConflict, duplicateRecord, formatInvalid, notFound } from "../errors.js";
import { clerkId } from "../ids.js";
import { matchesQuery, orderBy, page } from "../listing.js";
import type { PermissionRecord, RoleRecord } from "../store.js";
import { validateBody, type BodySpec } from "../validate.js";

const PERMISSION_KEY = /^org:[a-z0-9_]+:[a-z0-9_]+$/;
const ROLE_KEY = /^org:[a-z0-9_]+$/;

const keyFormat = (pattern: RegExp, example: string) => (value: string) =>
  pattern.test(value) ? undefined : `must look like ${example} (lowercase letters, digits and _)`;

// Permissions

function renderPermission(permission: PermissionRecord): Record<string, unknown> {
  const { seq: _seq, ...fields } = permission;
  return { object: "permission", ...fields };
}

function findPermission(ctx: HandlerContext, id = param(ctx, "permission_id")): PermissionRecord {
  const permission = ctx.store.permissions.get(id);
  if (!permission) throw notFound("Permission");
  return permission;
}

function assertPermissionKeyFree(ctx: HandlerContext, key: string, self?: string): void {
  for (const p of ctx.store.permissions.values())
    if (p.id !== self && p.key === key) throw duplicateRecord(`a permission with the key ${key}`);
}

const permissionFields: BodySpec = {
  name: { type: "string" },
  key: { type: "string", format: keyFormat(PERMISSION_KEY, "org:feature:action") },
  description: { type: "string" },
};

function createPermission(ctx: HandlerContext) {
  const body = validateBody(ctx.body, {
    ...permissionFields,
    name: { type: "string", required: true },
    key: { ...permissionFields["key"], type: "string", required: true },
  });
  const key = body["key"] as string;
  if (key.startsWith("org:sys_")) throw formatInvalid("key", "must not use the reserved sys_ prefix");
  assertPermissionKeyFree(ctx, key);
  const now = ctx.now();
  const permission: PermissionRecord = {
    id: clerkId("perm"),
    seq: ctx.nextSeq(),
    name: body["name"] as string,
    key,
    description: (body["description"] as string | undefined) ?? "",
    type: "custom",
    created_at: now,
    updated_at: now,
  };
  ctx.store.permissions.set(permission.id, permission);
  return renderPermission(permission);
}

function customPermission(ctx: HandlerContext): PermissionRecord {
  const permission = findPermission(ctx);
  if (permission.type === "system")
    throw catalogConflict(403, "system_permission_immutable", "System permissions cannot be changed or deleted.");
  return permission;
}

function updatePermission(ctx: HandlerContext) {
  const permission = customPermission(ctx);
  const body = validateBody(ctx.body, permissionFields);
  if (typeof body["key"] === "string") assertPermissionKeyFree(ctx, body["key"], permission.id);
  if (typeof body["name"] === "string") permission.name = body["name"];
  if (typeof body["key"] === "string") permission.key = body["key"];
  if (typeof body["description"] === "string") permission.description = body["description"];
  permission.updated_at = ctx.now();
  return renderPermission(permission);
}

/** Deleting a permission also takes it off every role that had it. */
function deletePermission(ctx: HandlerContext) {
  const permission = customPermission(ctx);
  for (const role of ctx.store.roles.values())
    role.permission_ids = role.permission_ids.filter((id) => id !== permission.id);
  ctx.store.permissions.delete(permission.id);
  return { object: "permission", id: permission.id, deleted: true };
}

/** ListOrganizationPermissions, ListOrganizationRoles and ListRoleSets share query, order_by and paging. */
export function listCatalog<T extends { seq: number; created_at: number; name: string; key: string; id: string }>(
  ctx: HandlerContext,
  records: Iterable<T>,
  render: (record: T) => unknown,
) {
  const text = ctx.query.get("query");
  const matching = [...records].filter((r) => !text || matchesQuery(text, [r.id, r.name, r.key]));
  const sorted = orderBy(
    matching,
    ctx.query,
    { created_at: (r) => r.created_at, name: (r) => r.name.toLowerCase(), key: (r) => r.key },
    "-created_at",
  );
  return { data: page(sorted, ctx.query).map(render), total_count: matching.length };
}

// Roles

function renderRole(ctx: HandlerContext, role: RoleRecord): Record<string, unknown> {
  const { seq: _seq, permission_ids, ...fields } = role;
  const permissions = permission_ids.flatMap((id) => {
    const permission = ctx.store.permissions.get(id);
    return permission ? [renderPermission(permission)] : [];
  });
  return { object: "role", ...fields, permissions };
}

function findRole(ctx: HandlerContext): RoleRecord {
  const role = ctx.store.roles.get(param(ctx, "organization_role_id"));
  if (!role) throw notFound("Role");
  return role;
}

function assertRoleKeyFree(ctx: HandlerContext, key: string, self?: string): void {
  const other = roleByKey(ctx.store, key);
  if (other && other.id !== self) throw duplicateRecord(`a role with the key ${key}`);
}

const roleFields: BodySpec = {
  name: { type: "string" },
  key: { type: "string", format: keyFormat(ROLE_KEY, "org:role_name") },
  description: { type: "string", nullable: true },
  permissions: { type: "string[]" },
};

/**
 * The permissions a request names, as ids; each must exist (404 otherwise). The spec says ids;
 * a permission's key is taken too, as @clerk/backend's own examples pass keys.
 */
function permissionIds(ctx: HandlerContext, given: unknown): string[] | undefined {
  if (!Array.isArray(given)) return undefined;
  const byKey = (key: string) => [...ctx.store.permissions.values()].find((p) => p.key === key)?.id;
  return [...new Set((given as string[]).map((idOrKey) => byKey(idOrKey) ?? findPermission(ctx, idOrKey).id))];
}

function createRole(ctx: HandlerContext) {
  const body = validateBody(ctx.body, {
    ...roleFields,
    name: { type: "string", required: true },
    key: { ...roleFields["key"], type: "string", required: true },
    include_in_initial_role_set: { type: "boolean" },
  });
  const key = body["key"] as string;
  assertRoleKeyFree(ctx, key);
  const permissions = permissionIds(ctx, body["permissions"]) ?? [];
  const now = ctx.now();
  const role: RoleRecord = {
    id: clerkId("role"),
    seq: ctx.nextSeq(),
    name: body["name"] as string,
    key,
    description: (body["description"] as string | null | undefined) ?? null,
    is_creator_eligible: false,
    permission_ids: permissions,
    created_at: now,
    updated_at: now,
  };
  ctx.store.roles.set(role.id, role);
  if (body["include_in_initial_role_set"] === true) {
    for (const roleSet of ctx.store.roleSets.values()) if (roleSet.type === "initial") roleSet.role_ids.push(role.id);
  }
  return renderRole(ctx, role);
}

function updateRole(ctx: HandlerContext) {
  const role = findRole(ctx);
  const body = validateBody(ctx.body, roleFields);
  if (typeof body["key"] === "string") assertRoleKeyFree(ctx, body["key"], role.id);
  const permissions = permissionIds(ctx, body["permissions"]);
  const oldKey = role.key;
  if (typeof body["name"] === "string") role.name = body["name"];
  if (typeof body["key"] === "string") role.key = body["key"];
  if ("description" in body) role.description = (body["description"] as string | null) ?? null;
  if (permissions) role.permission_ids = permissions;
  role.updated_at = ctx.now();
  // A new key follows the role everywhere it is used, as Clerk cascades it.
  if (role.key !== oldKey) {
    for (const m of ctx.store.memberships.values()) if (m.role === oldKey) m.role = role.key;
  }
  return renderRole(ctx, role);
}

function deleteRole(ctx: HandlerContext) {
  const role = findRole(ctx);
  const { store } = ctx;
  const inUse =
    [...store.memberships.values()].some((m) => m.role === role.key) ||
    [...store.organizationInvitations.values()].some((i) => i.status === "pending" && i.role === role.key) ||
    [...store.roleSets.values()].some((s) => s.creator_role_id === role.id || s.default_role_id === role.id);
  if (inUse)
    throw catalogConflict(
      422,
      "role_in_use",
      `The role ${role.key} is assigned to members, pending invitations, or is a role set's default or creator role.`,
    );
  for (const roleSet of store.roleSets.values()) roleSet.role_ids = roleSet.role_ids.filter((id) => id !== role.id);
  store.roles.delete(role.id);
  return { object: "role", id: role.id, deleted: true };
}

function assignPermission(ctx: HandlerContext) {
  const role = findRole(ctx);
  const permission = findPermission(ctx);
  if (role.permission_ids.includes(permission.id))
    throw catalogConflict(409, "duplicate_record", `The role ${role.key} already has ${permission.key}.`);
  role.permission_ids.push(permission.id);
  role.updated_at = ctx.now();
  return renderRole(ctx, role);
}

function removePermission(ctx: HandlerContext) {
  const role = findRole(ctx);
  const permission = findPermission(ctx);
  if (!role.permission_ids.includes(permission.id)) throw notFound(`Permission ${permission.key} on this role`);
  role.permission_ids = role.permission_ids.filter((id) => id !== permission.id);
  role.updated_at = ctx.now();
  return renderRole(ctx, role);
}

export const organizationRoleHandlers: Handlers = {
  ListOrganizationPermissions: (ctx) => listCatalog(ctx, ctx.store.permissions.values(), renderPermission),
  CreateOrganizationPermission: createPermission,
  GetOrganizationPermission: (ctx) => renderPermission(findPermission(ctx)),
  UpdateOrganizationPermission: updatePermission,
  DeleteOrganizationPermission: deletePermission,
  ListOrganizationRoles: (ctx) => listCatalog(ctx, ctx.store.roles.values(), (role) => renderRole(ctx, role)),
  CreateOrganizationRole: createRole,
  GetOrganizationRole: (ctx) => renderRole(ctx, findRole(ctx)),
  UpdateOrganizationRole: updateRole,
  DeleteOrganizationRole: deleteRole,
  AssignPermissionToOrganizationRole: assignPermission,
  RemovePermissionFromOrganizationRole: removePermission,
};
