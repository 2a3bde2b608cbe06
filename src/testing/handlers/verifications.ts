// Email address and phone number verification by one-time code (prepare, then attempt), and
// replacing a user's address or number. The fake sends nothing: its code is always 424242,
// the code Clerk's development instances accept for test addresses and numbers.
import { param, type HandlerContext, type Handlers } from "../context.js";
import { FakeApiError, notFound } from "../errors.js";
import { clerkId } from "../ids.js";
import type { VerificationRecord } from "../records.js";
import type { IdentificationRecord } from "../store.js";
import { emailFormat, phoneFormat, validateBody } from "../validate.js";
import { addIdentification, identificationsOf, removeIdentification, renderIdentification } from "./identifications.js";
import { findUser, touchUser } from "./lookup.js";

/** The one-time code every verification accepts. */
const TEST_VERIFICATION_CODE = "424242";
const CODE_LIFETIME_MS = 10 * 60_000;
const MAX_ATTEMPTS = 3;

type Kind = IdentificationRecord["kind"];

const fail = (status: number, code: string, longMessage: string): FakeApiError =>
  new FakeApiError(status, [{ code, message: code.replace(/_/g, " "), long_message: longMessage, meta: {} }]);

function findIdentification(ctx: HandlerContext, kind: Kind, idParam: string): IdentificationRecord {
  const record = ctx.store.identifications.get(param(ctx, idParam));
  if (!record || record.kind !== kind) throw notFound(kind === "email_address" ? "Email address" : "Phone number");
  return record;
}

function renderVerification(verification: VerificationRecord): Record<string, unknown> {
  return {
    object: "verification",
    id: verification.id,
    status: verification.status,
    strategy: verification.strategy,
    attempts: verification.attempts,
    expire_at: verification.expire_at,
    channel: verification.strategy === "phone_code" ? "sms" : null,
  };
}

function prepare(kind: Kind, idParam: string) {
  return (ctx: HandlerContext) => {
    const record = findIdentification(ctx, kind, idParam);
    if (record.verified) throw fail(400, "verification_already_verified", "This identification is already verified.");
    const verification: VerificationRecord = {
      id: clerkId("ver"),
      identification_id: record.id,
      strategy: kind === "email_address" ? "email_code" : "phone_code",
      attempts: 0,
      status: "unverified",
      expire_at: ctx.now() + CODE_LIFETIME_MS,
    };
    ctx.store.verifications.set(record.id, verification);
    return renderVerification(verification);
  };
}

function attempt(kind: Kind, idParam: string) {
  return (ctx: HandlerContext) => {
    const record = findIdentification(ctx, kind, idParam);
    const body = validateBody(ctx.body, {
      verification_id: { type: "string", required: true },
      code: { type: "string", required: true },
    });
    const verification = ctx.store.verifications.get(record.id);
    if (!verification || verification.id !== body["verification_id"]) throw notFound("Verification");
    if (verification.status === "verified")
      throw fail(400, "verification_already_verified", "This code was already used.");
    if (ctx.now() > verification.expire_at) {
      verification.status = "expired";
      throw fail(400, "verification_expired", "The code has expired; prepare a new verification.");
    }
    if (verification.status === "failed")
      throw fail(400, "verification_failed", "Too many wrong codes; prepare a new verification.");
    verification.attempts += 1;
    if (body["code"] !== TEST_VERIFICATION_CODE) {
      if (verification.attempts >= MAX_ATTEMPTS) verification.status = "failed";
      throw fail(422, "form_code_incorrect", "The code is incorrect.");
    }
    verification.status = "verified";
    record.verified = true;
    record.updated_at = ctx.now();
    const user = ctx.store.users.get(record.user_id);
    if (user) touchUser(ctx, user);
    return renderVerification(verification);
  };
}

/** ReplaceUserEmailAddress / ReplaceUserPhoneNumber: the new one becomes primary, the old primary goes. */
function replace(kind: Kind) {
  return (ctx: HandlerContext) => {
    const user = findUser(ctx, param(ctx, "user_id"));
    const body = validateBody(ctx.body, {
      [kind]: { type: "string", required: true, format: kind === "email_address" ? emailFormat : phoneFormat },
      identification_status: { type: "string", oneOf: ["verified", "reserved", "unverified"] },
      ...(kind === "email_address"
        ? { notify_primary_email_address_changed: { type: "boolean", nullable: true } }
        : {}),
    });
    const previous = identificationsOf(ctx.store, user.id, kind).find(
      (r) => r.id === (kind === "email_address" ? user.primary_email_address_id : user.primary_phone_number_id),
    );
    const added = addIdentification(ctx, user, kind, body[kind] as string, {
      verified: (body["identification_status"] ?? "verified") === "verified",
      primary: true,
    });
    if (previous) removeIdentification(ctx, previous);
    touchUser(ctx, user);
    return renderIdentification(added);
  };
}

export const verificationHandlers: Handlers = {
  PrepareEmailAddressVerification: prepare("email_address", "email_address_id"),
  AttemptEmailAddressVerification: attempt("email_address", "email_address_id"),
  PreparePhoneNumberVerification: prepare("phone_number", "phone_number_id"),
  AttemptPhoneNumberVerification: attempt("phone_number", "phone_number_id"),
  ReplaceUserEmailAddress: replace("email_address"),
  ReplaceUserPhoneNumber: replace("phone_number"),
};
