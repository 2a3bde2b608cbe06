// Email addresses and phone numbers: their wire shapes, uniqueness across the instance,
// and the operations on them. A user's primary ids always point at one of its own.
import { param, type HandlerContext, type Handlers } from "../context.js";
import { identifierExists, notFound } from "../errors.js";
import { clerkId } from "../ids.js";
import { identifierKey, type IdentificationRecord, type Store, type UserRecord } from "../store.js";
import { emailFormat, phoneFormat, validateBody, type BodySpec } from "../validate.js";
import { findUser, touchUser } from "./lookup.js";

type Kind = IdentificationRecord["kind"];

/** The verification of what an admin (the Backend API) added: verified, no attempts. */
export const ADMIN_VERIFIED = {
  object: "verification_admin",
  status: "verified",
  strategy: "admin",
  attempts: null,
  expire_at: null,
};

export function renderIdentification(record: IdentificationRecord): Record<string, unknown> {
  const common = {
    id: record.id,
    object: record.kind,
    [record.kind]: record.value,
    reserved: false,
    verification: record.verified ? ADMIN_VERIFIED : null,
    linked_to: [],
    created_at: record.created_at,
    updated_at: record.updated_at,
  };
  return record.kind === "email_address"
    ? { ...common, matches_sso_connection: false }
    : {
        ...common,
        reserved_for_second_factor: record.reserved_for_second_factor,
        default_second_factor: false,
        backup_codes: null,
      };
}

export const identificationsOf = (store: Store, userId: string, kind: Kind): IdentificationRecord[] =>
  store.identifications.by("user", userId).filter((record) => record.kind === kind);

/** Throws form_identifier_exists when the address or number belongs to anyone already. */
export function assertIdentifierFree(store: Store, kind: Kind, value: string): void {
  if (store.identifications.countBy("value", identifierKey(kind, value)) > 0) throw identifierExists(kind);
}

/** Adds an address or number to a user; the first one of its kind becomes primary. */
export function addIdentification(
  ctx: HandlerContext,
  user: UserRecord,
  kind: Kind,
  value: string,
  options: { verified: boolean; primary?: boolean; reservedForSecondFactor?: boolean },
): IdentificationRecord {
  assertIdentifierFree(ctx.store, kind, value);
  const now = ctx.now();
  const record: IdentificationRecord = {
    id: clerkId("idn"),
    seq: ctx.nextSeq(),
    kind,
    user_id: user.id,
    value,
    verified: options.verified,
    reserved_for_second_factor: options.reservedForSecondFactor ?? false,
    created_at: now,
    updated_at: now,
  };
  ctx.store.identifications.set(record.id, record);
  const primaryKey = primaryKeyOf(kind);
  if (options.primary || user[primaryKey] === null) user[primaryKey] = record.id;
  return record;
}

function findIdentification(ctx: HandlerContext, kind: Kind, id: string): IdentificationRecord {
  const record = ctx.store.identifications.get(id);
  if (!record || record.kind !== kind) throw notFound(kind === "email_address" ? "Email address" : "Phone number");
  return record;
}

const primaryKeyOf = (kind: Kind): "primary_email_address_id" | "primary_phone_number_id" =>
  kind === "email_address" ? "primary_email_address_id" : "primary_phone_number_id";

function create(kind: Kind) {
  return (ctx: HandlerContext) => {
    const spec: BodySpec = {
      user_id: { type: "string", required: true },
      [kind]: { type: "string", required: true, format: kind === "email_address" ? emailFormat : phoneFormat },
      verified: { type: "boolean", nullable: true },
      primary: { type: "boolean", nullable: true },
      ...(kind === "phone_number" ? { reserved_for_second_factor: { type: "boolean", nullable: true } } : {}),
      ...(kind === "email_address"
        ? { notify_primary_email_address_changed: { type: "boolean", nullable: true } }
        : {}),
    };
    const body = validateBody(ctx.body, spec);
    const user = findUser(ctx, body["user_id"] as string);
    const record = addIdentification(ctx, user, kind, body[kind] as string, {
      // Clerk marks an address created from the Backend API verified unless told otherwise.
      verified: body["verified"] !== false,
      primary: body["primary"] === true,
      reservedForSecondFactor: body["reserved_for_second_factor"] === true,
    });
    touchUser(ctx, user);
    return renderIdentification(record);
  };
}

function update(kind: Kind, idParam: string) {
  return (ctx: HandlerContext) => {
    const record = findIdentification(ctx, kind, param(ctx, idParam));
    const body = validateBody(ctx.body, {
      verified: { type: "boolean", nullable: true },
      primary: { type: "boolean", nullable: true },
      reserved_for_second_factor: { type: "boolean", nullable: true },
      notify_primary_email_address_changed: { type: "boolean", nullable: true },
    });
    const user = findUser(ctx, record.user_id);
    if (typeof body["verified"] === "boolean") record.verified = body["verified"];
    if (kind === "phone_number" && typeof body["reserved_for_second_factor"] === "boolean")
      record.reserved_for_second_factor = body["reserved_for_second_factor"];
    if (body["primary"] === true) user[primaryKeyOf(kind)] = record.id;
    record.updated_at = ctx.now();
    touchUser(ctx, user);
    return renderIdentification(record);
  };
}

/** Removes an identification; when it was primary, the user's oldest remaining one takes over. */
export function removeIdentification(ctx: HandlerContext, record: IdentificationRecord): void {
  ctx.store.identifications.delete(record.id);
  const user = ctx.store.users.get(record.user_id);
  if (!user) return;
  const key = primaryKeyOf(record.kind);
  if (user[key] === record.id) user[key] = identificationsOf(ctx.store, user.id, record.kind)[0]?.id ?? null;
  touchUser(ctx, user);
}

function remove(kind: Kind, idParam: string) {
  return (ctx: HandlerContext) => {
    const record = findIdentification(ctx, kind, param(ctx, idParam));
    removeIdentification(ctx, record);
    return { object: kind, id: record.id, deleted: true };
  };
}

export const identificationHandlers: Handlers = {
  CreateEmailAddress: create("email_address"),
  GetEmailAddress: (ctx) =>
    renderIdentification(findIdentification(ctx, "email_address", param(ctx, "email_address_id"))),
  UpdateEmailAddress: update("email_address", "email_address_id"),
  DeleteEmailAddress: remove("email_address", "email_address_id"),
  CreatePhoneNumber: create("phone_number"),
  GetPhoneNumber: (ctx) => renderIdentification(findIdentification(ctx, "phone_number", param(ctx, "phone_number_id"))),
  UpdatePhoneNumber: update("phone_number", "phone_number_id"),
  DeletePhoneNumber: remove("phone_number", "phone_number_id"),
};

/** The value of the user's primary email address, else of its primary phone number. */
export function primaryIdentifier(ctx: HandlerContext, user: UserRecord): string | null {
  const id = user.primary_email_address_id ?? user.primary_phone_number_id;
  return (id && ctx.store.identifications.get(id)?.value) || null;
}
