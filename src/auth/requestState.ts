import { machineAuth, sessionAuth, signedOutAuth, type AuthObject } from "./authObject.js";
import type { SessionClaims } from "./claims.js";
import type { MachineRecord } from "./machineRecord.js";
import type { TokenVerificationReason } from "./errors.js";
import type { TokenType } from "./tokenType.js";

/** A request whose token verified. */
export interface SignedInState {
  readonly status: "signed-in";
  readonly isAuthenticated: true;
  readonly reason: null;
  readonly message: null;
  readonly token: string;
  readonly tokenType: TokenType;
  /** Session token payload, or a machine token's custom claims (null if none). */
  readonly claims: SessionClaims | Record<string, unknown> | null;
  toAuth(): AuthObject;
}

/** A request without a usable token; `reason` says why. */
export interface SignedOutState {
  readonly status: "signed-out";
  readonly isAuthenticated: false;
  readonly reason: TokenVerificationReason;
  readonly message: string;
  /** The token that was rejected, or null when there was none. */
  readonly token: string | null;
  /**
   * The kind the route accepts when the token's kind was refused or missing
   * (null when it accepts a list of kinds), else the kind that failed to verify.
   */
  readonly tokenType: TokenType | null;
  readonly claims: null;
  /** An auth object for `tokenType` with every id null. */
  toAuth(): AuthObject;
}

export type RequestState = SignedInState | SignedOutState;

export function signedInWithSession(token: string, claims: SessionClaims): SignedInState {
  return signedIn(token, "session_token", claims, () => sessionAuth(claims));
}

export function signedInWithMachine(token: string, record: MachineRecord): SignedInState {
  return signedIn(token, record.tokenType, record.claims, () => machineAuth(record));
}

function signedIn(
  token: string,
  tokenType: SignedInState["tokenType"],
  claims: SignedInState["claims"],
  toAuth: () => AuthObject,
): SignedInState {
  return { status: "signed-in", isAuthenticated: true, reason: null, message: null, token, tokenType, claims, toAuth };
}

export function signedOut(
  reason: TokenVerificationReason,
  message: string,
  token: string | null,
  tokenType: TokenType | null,
): SignedOutState {
  return {
    status: "signed-out",
    isAuthenticated: false,
    reason,
    message,
    token,
    tokenType,
    claims: null,
    toAuth: () => signedOutAuth(tokenType),
  };
}
