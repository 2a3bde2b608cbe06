// The deliberate differences from @clerk/backend 3.25.0: the only places where
// clerk-fn/auth answers otherwise than Clerk's SDK. Each entry says why, and
// what we answer instead; docs/auth.md tables the same entries under
// "Differences from @clerk/backend" (the parity suite checks that every id is
// there). A parity case that names an entry must still differ from Clerk and
// must give `ours`.

/** How a case's outcome looks where we differ on purpose (a partial outcome). */
interface Difference {
  readonly why: string;
  readonly ours: { readonly status?: string; readonly reason?: string | null; readonly tokenType?: string | null };
}

export const DIFFERENCES = {
  "missing-token-reason": {
    why: "A request without a token is session-token-missing, whatever the route accepts. Clerk answers session-token-and-uat-missing (from its browser-session handshake, which we do not run), 'No token in header' (a message, not a reason) for one machine kind, or token-type-mismatch for a list of machine kinds.",
    ours: { status: "signed-out", reason: "session-token-missing" },
  },
  "bearer-scheme-case": {
    why: "The Authorization scheme is read case-insensitively (RFC 9110: `bearer` is `Bearer`). Clerk reads only `Bearer` and ignores the header otherwise.",
    ours: { status: "signed-in" },
  },
  "aud-required": {
    why: "Where audiences are configured, a token without an aud claim is refused. Clerk checks aud only when the token has one, so a token minted for no audience passes a service that requires one.",
    ours: { status: "signed-out", reason: "token-invalid-audience" },
  },
  "machine-token-on-session-route": {
    why: "An opaque machine token (mt_, oat_, ak_) where only session tokens are accepted is token-type-mismatch, with no key lookup. Clerk tries to read it as a session JWT and answers token-invalid.",
    ours: { status: "signed-out", reason: "token-type-mismatch", tokenType: "session_token" },
  },
  "machine-token-not-found-reason": {
    why: "A machine token Clerk's verify endpoint does not know (404) is machine-token-invalid; Clerk's SDK calls it token-invalid, the reason it also gives malformed JWTs.",
    ours: { status: "signed-out", reason: "machine-token-invalid" },
  },
  "verify-token-template-cat": {
    why: "verifyToken refuses a JWT-template token (cat cl_B7d4PD222AAA) as token-invalid: it is no session token. Clerk's verifyToken accepts it (its authenticateRequest refuses it, as ours does).",
    ours: { reason: "token-invalid" },
  },
} as const satisfies Record<string, Difference>;

export type DifferenceId = keyof typeof DIFFERENCES;

/**
 * Reason names (also a deliberate difference, "reason-names" in the docs): our
 * reasons are verifyToken's. Clerk's authenticateRequest renames the time
 * failures for its handshake and folds the claim and M2M JWT checks into
 * token-verification-failed; each of its names stands for these of ours.
 */
const REASON_NAMES: Readonly<Record<string, readonly string[]>> = {
  "session-token-expired-refresh-non-eligible-no-refresh-cookie": ["token-expired"],
  "session-token-nbf": ["token-not-active-yet"],
  "session-token-iat-in-the-future": ["token-iat-in-the-future"],
  "jwk-failed-to-resolve": ["secret-key-missing"],
  "token-verification-failed": [
    "token-invalid",
    "token-invalid-audience",
    "token-invalid-signature",
    "token-expired",
    "token-not-active-yet",
    "token-iat-in-the-future",
    "jwk-kid-mismatch",
  ],
};

/** Whether Clerk's reason and ours say the same thing. */
export function sameReason(theirs: string, ours: string): boolean {
  return theirs === ours || (REASON_NAMES[theirs]?.includes(ours) ?? false);
}
