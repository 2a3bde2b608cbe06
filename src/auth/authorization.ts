import type { AuthorizationKey } from "../types/clerk-globals.js";
import type { AuthObject } from "./authObject.js";

/** Which factors a reverification check looks at. */
export type ReverificationLevel = "first_factor" | "second_factor" | "multi_factor";

/**
 * How recent the session's factor verification must be: a preset
 * (`strict_mfa` 10 min multi-factor, `strict` 10 min second factor,
 * `moderate` 60 min, `lax` 24 h) or your own level and age.
 */
export type Reverification =
  "strict_mfa" | "strict" | "moderate" | "lax" | { readonly level: ReverificationLevel; readonly afterMinutes: number };

/**
 * What to check; every condition given must hold. `role` and `permission` are
 * organisation-scoped (`org:` is added when missing), typed by the app's
 * `ClerkAuthorization` when it declares one; `feature` and `plan` read the
 * token's `fea` and `pla` claims, optionally scoped `o:`/`org:` or `u:`/`user:`.
 */
export interface AuthorizationCheck {
  readonly role?: AuthorizationKey<"role">;
  readonly permission?: AuthorizationKey<"permission">;
  readonly feature?: string;
  readonly plan?: string;
  readonly reverification?: Reverification;
}

/**
 * Whether a session's auth object (from `state.toAuth()`) passes the check,
 * with the semantics of @clerk/backend's `auth.has()`: signed out, a machine
 * token, an empty check, missing or malformed claims and any failing
 * condition all answer false. Never throws.
 */
export function checkAuthorization(auth: AuthObject | null | undefined, check: AuthorizationCheck): boolean {
  try {
    if (!auth || auth.tokenType !== "session_token" || !auth.userId || !check || typeof check !== "object")
      return false;
    const claims: Readonly<Record<string, unknown>> = auth.claims ?? {};
    const outcomes = [
      organizationOutcome(check, auth.orgId, auth.orgRole, auth.orgPermissions),
      entitlementOutcome(check.feature, claims.fea),
      // @clerk/backend cannot even build the auth object of v2 claims with an organisation when `fea`
      // is malformed: no plan passes then either.
      check.plan !== undefined && claims.v === 2 && claims.o && typeof claims.fea === "string" && !grantedBy(claims.fea)
        ? "fail"
        : entitlementOutcome(check.plan, claims.pla),
      reverificationOutcome(check.reverification, auth.factorVerificationAge),
    ];
    // At least one condition asked, and none failed.
    return outcomes.includes("pass") && !outcomes.includes("fail");
  } catch {
    return false;
  }
}

type Outcome = "pass" | "fail" | "not-asked";

const withOrgPrefix = (value: string): string => `org:${value.replace(/^(org:)*/, "")}`;

function organizationOutcome(
  { role, permission }: AuthorizationCheck,
  orgId: string | null,
  orgRole: string | null,
  orgPermissions: readonly string[] | null,
): Outcome {
  if (role === undefined && permission === undefined) return "not-asked";
  if ((role !== undefined && typeof role !== "string") || (permission !== undefined && typeof permission !== "string"))
    return "fail";
  if (!orgId) return "fail";
  if (role !== undefined && (!orgRole || withOrgPrefix(orgRole) !== withOrgPrefix(role))) return "fail";
  if (
    permission !== undefined &&
    !(Array.isArray(orgPermissions) && orgPermissions.includes(withOrgPrefix(permission)))
  )
    return "fail";
  return "pass";
}

const ORG_SCOPES = ["o", "org", "organization"];
const USER_SCOPES = ["u", "user"];

/**
 * A feature or plan against its claim (`fea` / `pla`): a comma-separated list
 * of `scope:name` entries where the scope is `o` (organisation), `u` (user) or
 * `ou`/`uo` (both). A claim with an entry that has no scope is malformed and
 * grants nothing.
 */
function entitlementOutcome(wanted: unknown, claim: unknown): Outcome {
  if (wanted === undefined) return "not-asked";
  const granted = grantedBy(claim);
  if (typeof wanted !== "string" || granted === undefined) return "fail";
  const [first, second] = wanted.split(":") as [string, string | undefined];
  if (second === undefined) return granted.org.includes(first) || granted.user.includes(first) ? "pass" : "fail";
  // As has() reads it: "u:" asks for a user-scoped "u", never for an empty name.
  const name = second || first;
  if (ORG_SCOPES.includes(first)) return granted.org.includes(name) ? "pass" : "fail";
  if (USER_SCOPES.includes(first)) return granted.user.includes(name) ? "pass" : "fail";
  return "fail"; // an unknown scope
}

/** The names a `fea`/`pla` claim grants, by scope; undefined when it is missing, empty or malformed. */
function grantedBy(claim: unknown): { org: string[]; user: string[] } | undefined {
  if (typeof claim !== "string" || claim === "") return undefined;
  const granted = { org: [] as string[], user: [] as string[] };
  for (const raw of claim.split(",")) {
    const entry = raw.trim();
    const colon = entry.indexOf(":");
    if (colon < 0) return undefined;
    const scope = entry.slice(0, colon);
    const name = entry.slice(colon + 1);
    if (scope === "o" || scope === "ou" || scope === "uo") granted.org.push(name);
    if (scope === "u" || scope === "ou" || scope === "uo") granted.user.push(name);
  }
  return granted;
}

const PRESETS: Readonly<Record<string, { level: ReverificationLevel; afterMinutes: number }>> = {
  strict_mfa: { level: "multi_factor", afterMinutes: 10 },
  strict: { level: "second_factor", afterMinutes: 10 },
  moderate: { level: "second_factor", afterMinutes: 60 },
  lax: { level: "second_factor", afterMinutes: 1440 },
};
const LEVELS: readonly unknown[] = ["first_factor", "second_factor", "multi_factor"];

/**
 * `fva` is [minutes since first factor, minutes since second factor], -1 for
 * a factor never verified in this session. A factor counts when verified less
 * than `afterMinutes` ago. Second factor: the second factor when the user has
 * one, else the first. Multi-factor: both, or the first alone for a user
 * without a second factor.
 */
function reverificationOutcome(wanted: Reverification | undefined, fva: readonly [number, number] | null): Outcome {
  if (wanted === undefined) return "not-asked";
  const rule = typeof wanted === "string" ? (Object.hasOwn(PRESETS, wanted) ? PRESETS[wanted] : undefined) : wanted;
  if (!rule || typeof rule !== "object" || !LEVELS.includes(rule.level)) return "fail";
  if (typeof rule.afterMinutes !== "number" || !(rule.afterMinutes > 0)) return "fail";
  if (!Array.isArray(fva) || fva.length !== 2 || !fva.every(isFactorAge)) return "fail";
  const [first, second] = fva;
  if (first === -1 && second === -1) return "fail";
  const firstFresh = first !== -1 && first < rule.afterMinutes;
  const secondFresh = second !== -1 && second < rule.afterMinutes;
  const noSecondFactor = second === -1;
  const ok =
    rule.level === "first_factor"
      ? firstFresh
      : rule.level === "second_factor"
        ? noSecondFactor
          ? firstFresh
          : secondFresh
        : noSecondFactor
          ? firstFresh
          : first !== -1 && firstFresh && secondFresh;
  return ok ? "pass" : "fail";
}

function isFactorAge(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value) && (value === -1 || value >= 0);
}
