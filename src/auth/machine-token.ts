import { err, type Result } from "../types/index.js";
import { clerkApi } from "./clerk-api-lazy.js";
import type { MachineRecord } from "./machine-record.js";
import type { AuthenticateRequestOptions } from "./options.js";
import { fail, type TokenVerificationError } from "./reasons.js";
import type { MachineTokenType } from "./token-type.js";

/**
 * Verifies an opaque machine token with Clerk, authorised with the secret key,
 * else the machine secret key.
 */
export async function verifyMachineToken(
  tokenType: MachineTokenType,
  token: string,
  options: AuthenticateRequestOptions,
): Promise<Result<MachineRecord, TokenVerificationError>> {
  const { resolveSecretKey, verifyMachineTokenRemotely } = await clerkApi();
  const bearer = (await resolveSecretKey(options)) ?? nonEmpty(options.machineSecretKey);
  if (bearer === undefined) {
    return err(fail("secret-key-missing", "set secretKey or machineSecretKey to verify machine tokens"));
  }
  return verifyMachineTokenRemotely(options, tokenType, token, bearer);
}

function nonEmpty(value: string | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
