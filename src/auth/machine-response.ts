import { err, ok, type Result } from "../types/index.js";
import type { MachineRecord } from "./machine-record.js";
import { fail, type TokenVerificationError } from "./reasons.js";
import type { MachineTokenType } from "./token-type.js";

/**
 * A verify endpoint's 200 body as a MachineRecord. A body that says the token
 * is revoked, expired or inactive is treated as invalid, whatever the status.
 */
export function machineRecordFrom(
  tokenType: MachineTokenType,
  body: unknown,
): Result<MachineRecord, TokenVerificationError> {
  if (body === null || typeof body !== "object") {
    return err(fail("unexpected-error", `the ${tokenType} verify response is not an object`));
  }
  const data = body as Record<string, unknown>;
  if (data.active === false) return err(fail("machine-token-invalid", `the ${tokenType} is not active`));
  if (data.revoked === true) return err(fail("machine-token-invalid", `the ${tokenType} has been revoked`));
  if (data.expired === true) return err(fail("machine-token-invalid", `the ${tokenType} has expired`));
  const { id, subject } = data;
  if (typeof id !== "string" || typeof subject !== "string") {
    return err(fail("unexpected-error", `the ${tokenType} verify response has no id or subject`));
  }
  return ok({
    tokenType,
    id,
    subject,
    clientId: typeof data.clientId === "string" ? data.clientId : null,
    name: typeof data.name === "string" ? data.name : null,
    scopes: Array.isArray(data.scopes) ? data.scopes.filter((s): s is string => typeof s === "string") : [],
    claims: data.claims !== null && typeof data.claims === "object" && !Array.isArray(data.claims)
      ? (data.claims as Record<string, unknown>)
      : null,
  });
}
