import { decodeProtectedHeader } from "jose";
import { err, ok, type Result } from "../types/index.js";
import { fail, type TokenVerificationError } from "./reasons.js";
import { isSessionAlgorithm, type SessionAlgorithm } from "./session-algorithms.js";

/** Clerk's `cat` header values for JWTs that are not session tokens. */
const FOREIGN_CATEGORIES: Readonly<Record<string, string>> = {
  cl_B7d4PD333AAA: "an M2M token",
  cl_B7d4PD222AAA: "a JWT-template token",
};

export interface SessionHeader {
  readonly alg: SessionAlgorithm;
  readonly kid: string | undefined;
}

/**
 * Checks everything the header alone can tell, before any key is looked up:
 * the token is a JWS, signed with RS256/384/512, typed `JWT` (or untyped), and
 * not one of Clerk's other JWT categories.
 */
export function checkSessionHeader(token: string): Result<SessionHeader, TokenVerificationError> {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch (cause) {
    return err(fail("token-invalid", "token is not a well-formed JWT", cause));
  }
  if (token.split(".").length !== 3) {
    return err(fail("token-invalid", "token is not a compact JWS (three segments)"));
  }
  const { alg, typ, cat, kid } = header;
  if (!isSessionAlgorithm(alg)) {
    return err(
      fail("token-invalid-algorithm", `token algorithm ${describe(alg)} is not allowed; expected RS256, RS384 or RS512`),
    );
  }
  if (typ !== undefined && (typeof typ !== "string" || typ.toUpperCase() !== "JWT")) {
    return err(fail("token-invalid", `token header typ ${describe(typ)} is not JWT`));
  }
  if (typeof cat === "string" && Object.hasOwn(FOREIGN_CATEGORIES, cat)) {
    return err(fail("token-invalid", `token is ${FOREIGN_CATEGORIES[cat]}, not a session token`));
  }
  if (kid !== undefined && typeof kid !== "string") {
    return err(fail("token-invalid", "token header kid is not a string"));
  }
  return ok({ alg, kid });
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value.slice(0, 32)) : String(typeof value);
}
