// The instance's role catalog: organization permissions, roles and role sets. A fresh fake has
// what a new Clerk instance has: the system permissions, the roles org:admin and org:member,
// and the initial role set "role_set:default" (creators get org:admin, new members
// org:member). Membership and invitation roles must be roles of the catalog, and session
// tokens carry a role's custom permissions (Clerk leaves system permissions out of them).
import type { HandlerContext } from "./context.js";
import { notFound } from "./errors.js";
import { clerkId } from "./ids.js";
import type { PermissionRecord, RoleRecord, RoleSetRecord, Store } from "./store.js";

const SYSTEM_PERMISSIONS: ReadonlyArray<readonly [key: string, name: string, description: string]> = [
  ["org:sys_profile:manage", "Manage organization", "Permission to manage an organization."],
  ["org:sys_profile:delete", "Delete organization", "Permission to delete an organization."],
  ["org:sys_memberships:read", "Read members", "Permission to read the members of an organization."],
  ["org:sys_memberships:manage", "Manage members", "Permission to manage the members of an organization."],
  ["org:sys_domains:read", "Read domains", "Permission to read the domains of an organization."],
  ["org:sys_domains:manage", "Manage domains", "Permission to manage the domains of an organization."],
];

const DEFAULT_ROLES: ReadonlyArray<{
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly creator: boolean;
  readonly permissions: readonly string[];
}> = [
  {
    key: "org:admin",
    name: "Admin",
    description: "Role with elevated permissions.",
    creator: true,
    permissions: SYSTEM_PERMISSIONS.map(([key]) => key),
  },
  {
    key: "org:member",
    name: "Member",
    description: "Role with non-elevated permissions.",
    creator: false,
    permissions: ["org:sys_memberships:read"],
  },
];

/** Fills an empty catalog with a new instance's defaults (at creation and on reset). */
export function installDefaultCatalog(ctx: HandlerContext): void {
  const now = ctx.now();
  const stamp = (prefix: string) => ({ id: clerkId(prefix), seq: ctx.nextSeq(), created_at: now, updated_at: now });
  const permissionIds = new Map<string, string>();
  for (const [key, name, description] of SYSTEM_PERMISSIONS) {
    const permission: PermissionRecord = { ...stamp("perm"), name, key, description, type: "system" };
    ctx.store.permissions.set(permission.id, permission);
    permissionIds.set(key, permission.id);
  }
  const roleIds: string[] = [];
  for (const role of DEFAULT_ROLES) {
    const record: RoleRecord = {
      ...stamp("role"),
      name: role.name,
      key: role.key,
      description: role.description,
      is_creator_eligible: role.creator,
      permission_ids: role.permissions.map((key) => permissionIds.get(key) ?? ""),
    };
    ctx.store.roles.set(record.id, record);
    roleIds.push(record.id);
  }
  const [admin = "", member = ""] = roleIds;
  const roleSet: RoleSetRecord = {
    ...stamp("role_set"),
    name: "Default",
    key: "role_set:default",
    description: null,
    type: "initial",
    role_ids: roleIds,
    default_role_id: member,
    creator_role_id: admin,
  };
  ctx.store.roleSets.set(roleSet.id, roleSet);
}

export function roleByKey(store: Store, key: string): RoleRecord | undefined {
  for (const role of store.roles.values()) if (role.key === key) return role;
  return undefined;
}

/** A role a membership or invitation names: one the instance does not have is 404, as on Clerk. */
export function requireRole(ctx: HandlerContext, key: string): RoleRecord {
  const role = roleByKey(ctx.store, key);
  if (!role) throw notFound(`Role ${key}`);
  return role;
}

/** The permission keys of a role (all of them, as memberships list them). */
export function permissionKeysOf(store: Store, roleKey: string): string[] {
  return permissionsOfRole(store, roleKey).map((permission) => permission.key);
}

/** The permission keys a session token carries for a role: its custom ones only. */
export function tokenPermissionKeysOf(store: Store, roleKey: string): string[] {
  return permissionsOfRole(store, roleKey)
    .filter((permission) => permission.type !== "system")
    .map((permission) => permission.key);
}

function permissionsOfRole(store: Store, roleKey: string): PermissionRecord[] {
  const role = roleByKey(store, roleKey);
  return (role?.permission_ids ?? []).flatMap((id) => {
    const permission = store.permissions.get(id);
    return permission ? [permission] : [];
  });
}

/** The initial role set: creators of organizations get its creator role. */
function initialRoleSet(store: Store): RoleSetRecord | undefined {
  for (const roleSet of store.roleSets.values()) if (roleSet.type === "initial") return roleSet;
  return undefined;
}

/** The role key an organization's creator gets (org:admin unless the initial role set says otherwise). */
export function creatorRoleKey(store: Store): string {
  const roleSet = initialRoleSet(store);
  return (roleSet && store.roles.get(roleSet.creator_role_id)?.key) ?? "org:admin";
}
