import type { SessionClaims } from "./claims.js";
import type { MachineRecord } from "./machineRecord.js";
import { organizationFromClaims } from "./organization.js";
import type { MachineTokenType, TokenType } from "./tokenType.js";

/** The signed-in user's session, as `RequestState.toAuth()` returns it. */
export interface SessionAuth {
  readonly tokenType: "session_token";
  readonly isAuthenticated: boolean;
  readonly sessionId: string | null;
  readonly userId: string | null;
  readonly orgId: string | null;
  readonly orgSlug: string | null;
  readonly orgRole: string | null;
  readonly orgPermissions: string[] | null;
  /** Minutes since first and second factor verification, when the token says. */
  readonly factorVerificationAge: readonly [number, number] | null;
  readonly claims: SessionClaims | null;
  /** The same claims, under the name @clerk/backend's auth object uses. */
  readonly sessionClaims: SessionClaims | null;
}

/** The calling machine, API key or OAuth client, as `toAuth()` returns it. */
export interface MachineAuth {
  readonly tokenType: MachineTokenType;
  readonly isAuthenticated: boolean;
  readonly id: string | null;
  readonly subject: string | null;
  /** Set from the subject's prefix: `user_`, `org_` or `mch_`. */
  readonly userId: string | null;
  readonly orgId: string | null;
  readonly machineId: string | null;
  readonly clientId: string | null;
  readonly name: string | null;
  readonly scopes: string[] | null;
  readonly claims: Record<string, unknown> | null;
}

/**
 * Signed out where the token's kind was refused by a route that accepts a list
 * of kinds: no kind to shape the object by, so every field of either shape is null.
 */
export interface UnknownKindAuth
  extends
    Omit<SessionAuth, "tokenType" | "isAuthenticated">,
    Omit<MachineAuth, "tokenType" | "isAuthenticated" | "userId" | "orgId" | "claims"> {
  readonly tokenType: null;
  readonly isAuthenticated: false;
}

export type AuthObject = SessionAuth | MachineAuth | UnknownKindAuth;

export function sessionAuth(claims: SessionClaims): SessionAuth {
  return {
    tokenType: "session_token",
    isAuthenticated: true,
    sessionId: typeof claims.sid === "string" ? claims.sid : null,
    userId: claims.sub,
    ...organizationFromClaims(claims),
    factorVerificationAge: factorAge(claims.fva),
    claims,
    sessionClaims: claims,
  };
}

export function machineAuth(record: MachineRecord): MachineAuth {
  const { subject } = record;
  return {
    tokenType: record.tokenType,
    isAuthenticated: true,
    id: record.id,
    subject,
    userId: subject.startsWith("user_") ? subject : null,
    orgId: subject.startsWith("org_") ? subject : null,
    machineId: subject.startsWith("mch_") ? subject : null,
    clientId: record.clientId,
    name: record.name,
    scopes: record.scopes,
    claims: record.claims,
  };
}

/** Null ids of the right shape for the token kind the request was about. */
export function signedOutAuth(tokenType: TokenType | null): AuthObject {
  if (tokenType === "session_token") return { ...signedOutSession, tokenType };
  if (tokenType === null) return { ...signedOutSession, ...signedOutMachine, tokenType };
  return { ...signedOutMachine, tokenType };
}

const signedOutSession = {
  isAuthenticated: false,
  sessionId: null,
  userId: null,
  orgId: null,
  orgSlug: null,
  orgRole: null,
  orgPermissions: null,
  factorVerificationAge: null,
  claims: null,
  sessionClaims: null,
} as const;

const signedOutMachine = {
  isAuthenticated: false,
  id: null,
  subject: null,
  userId: null,
  orgId: null,
  machineId: null,
  clientId: null,
  name: null,
  scopes: null,
  claims: null,
} as const;

function factorAge(fva: unknown): readonly [number, number] | null {
  return Array.isArray(fva) && fva.length === 2 && fva.every((n) => typeof n === "number")
    ? [fva[0] as number, fva[1] as number]
    : null;
}
