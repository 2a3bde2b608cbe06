// `seed`: users and organizations (with members) the fake starts with, in camelCase SDK form.
// They are created through the same code as CreateUser / CreateOrganization /
// CreateOrganizationMembership, so a seed obeys the same rules (a bad seed throws at once).
import type { Declared, AuthorizationKey } from "../types/clerk-globals.js";
import type { HandlerContext } from "./context.js";
import { createOrganization } from "./handlers/organizations.js";
import { findUser } from "./handlers/lookup.js";
import { addMembership } from "./handlers/memberships.js";
import { createUser } from "./handlers/users.js";
import { seedUserAccounts, type SeedUserAccounts } from "./handlers/user-factors.js";
import { applyBillingSeed, type SeedBilling } from "./handlers/billing.js";

export interface SeedUser extends SeedUserAccounts {
  /** Fixed id for assertions (`user_…`); generated when absent. */
  readonly id?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly username?: string;
  readonly externalId?: string;
  readonly emailAddresses?: readonly string[];
  readonly phoneNumbers?: readonly string[];
  readonly password?: string;
  readonly publicMetadata?: Declared<UserPublicMetadata>;
  readonly privateMetadata?: Declared<UserPrivateMetadata>;
  readonly unsafeMetadata?: Declared<UserUnsafeMetadata>;
  readonly banned?: boolean;
  /** RFC 3339 date-time, like CreateUser's `created_at`. */
  readonly createdAt?: string;
}

export interface SeedOrganization {
  readonly id?: string;
  readonly name: string;
  readonly slug?: string;
  /** A seeded user's id; that user becomes the first org:admin, as on Clerk. */
  readonly createdBy?: string;
  readonly maxAllowedMemberships?: number;
  readonly publicMetadata?: Declared<OrganizationPublicMetadata>;
  readonly privateMetadata?: Declared<OrganizationPrivateMetadata>;
  readonly members?: ReadonlyArray<{ readonly userId: string; readonly role?: AuthorizationKey<"role"> }>;
}

export interface Seed {
  readonly users?: readonly SeedUser[];
  readonly organizations?: readonly SeedOrganization[];
  /** Billing plans and who is subscribed to which (Clerk makes both outside the Backend API). */
  readonly billing?: SeedBilling;
}

const defined = (entries: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));

/** `seed.users` / `seed.organizations`: absent, or an array of objects. */
function entries<T>(seed: Seed, name: "users" | "organizations"): readonly T[] {
  const list: unknown = seed[name];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new TypeError(`createClerkFake: seed.${name} must be an array`);
  list.forEach((entry: unknown, i) => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry))
      throw new TypeError(`createClerkFake: seed.${name}[${i}] must be an object`);
  });
  return list as T[];
}

/** A fixed id: a non-empty string of letters, digits, _ and - (it goes into URL paths), not used before. */
function checkId(ctx: HandlerContext, where: string, id: unknown, prefix: string): string | undefined {
  if (id === undefined) return undefined;
  if (typeof id !== "string" || !/^[A-Za-z0-9_-]+$/.test(id))
    throw new TypeError(`createClerkFake: ${where}.id must be a non-empty string of letters, digits, _ and -`);
  if (!id.startsWith(`${prefix}_`)) throw new TypeError(`createClerkFake: ${where}.id must start with ${prefix}_`);
  if (ctx.store.users.has(id) || ctx.store.organizations.has(id))
    throw new TypeError(`createClerkFake: ${where}.id ${id} is used twice`);
  return id;
}

export function applySeed(ctx: HandlerContext, seed: Seed): void {
  if (typeof seed !== "object" || seed === null || Array.isArray(seed))
    throw new TypeError("createClerkFake: seed must be an object");
  const users = entries<SeedUser>(seed, "users");
  const organizations = entries<SeedOrganization>(seed, "organizations");
  users.forEach((user, i) => {
    const body = defined({
      first_name: user.firstName,
      last_name: user.lastName,
      username: user.username,
      external_id: user.externalId,
      email_address: user.emailAddresses,
      phone_number: user.phoneNumbers,
      password: user.password,
      public_metadata: user.publicMetadata,
      private_metadata: user.privateMetadata,
      unsafe_metadata: user.unsafeMetadata,
      banned: user.banned,
      created_at: user.createdAt,
      totp_secret: user.totpSecret,
      backup_codes: user.backupCodes,
      web3_wallet: user.web3Wallets,
    });
    seedUserAccounts(ctx, createUser(ctx, body, checkId(ctx, `seed.users[${i}]`, user.id, "user")).id, user);
  });
  organizations.forEach((organization, i) => {
    const body = defined({
      name: organization.name,
      slug: organization.slug,
      created_by: organization.createdBy,
      max_allowed_memberships: organization.maxAllowedMemberships,
      public_metadata: organization.publicMetadata,
      private_metadata: organization.privateMetadata,
    });
    const created = createOrganization(ctx, body, checkId(ctx, `seed.organizations[${i}]`, organization.id, "org"));
    const members: unknown = organization.members ?? [];
    if (!Array.isArray(members))
      throw new TypeError(`createClerkFake: seed.organizations[${i}].members must be an array`);
    for (const member of members as SeedOrganization["members"] & object) {
      if (member.userId === organization.createdBy) continue;
      addMembership(ctx, created, findUser(ctx, member.userId), member.role ?? "org:member", {}, {});
    }
  });
  if (seed.billing) applyBillingSeed(ctx, seed.billing);
}
