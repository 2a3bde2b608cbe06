import { isPlainObject } from "../lib/json.js";
import { ok, type Result } from "../types/index.js";
import { fail, type TokenVerificationError } from "./errors.js";
import type { MachineTokenType } from "./tokenType.js";

/**
 * What Clerk's verify endpoints tell us about a valid machine token, reduced to
 * the fields every kind shares (plus `clientId` for OAuth and `name` for API keys).
 */
export interface MachineRecord {
  readonly tokenType: MachineTokenType;
  readonly id: string;
  readonly subject: string;
  readonly clientId: string | null;
  readonly name: string | null;
  readonly scopes: string[];
  readonly claims: Record<string, unknown> | null;
}

/**
 * A verify endpoint's 200 body as a MachineRecord. A body that says the token
 * is revoked, expired or inactive is treated as invalid, whatever the status.
 */
export function machineRecordFrom(
  tokenType: MachineTokenType,
  body: unknown,
): Result<MachineRecord, TokenVerificationError> {
  if (body === null || typeof body !== "object") {
    return fail("unexpected-error", `the ${tokenType} verify response is not an object`);
  }
  const data = body as Record<string, unknown>;
  if (data.active === false) return fail("machine-token-invalid", `the ${tokenType} is not active`);
  if (data.revoked === true) return fail("machine-token-invalid", `the ${tokenType} has been revoked`);
  if (data.expired === true) return fail("machine-token-invalid", `the ${tokenType} has expired`);
  const { id, subject } = data;
  if (typeof id !== "string" || typeof subject !== "string") {
    return fail("unexpected-error", `the ${tokenType} verify response has no id or subject`);
  }
  return ok({
    tokenType,
    id,
    subject,
    clientId: typeof data.client_id === "string" ? data.client_id : null,
    name: typeof data.name === "string" ? data.name : null,
    scopes: Array.isArray(data.scopes) ? data.scopes.filter((s): s is string => typeof s === "string") : [],
    claims: isPlainObject(data.claims) ? data.claims : null,
  });
}
