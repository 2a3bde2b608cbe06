// Session tokens in Clerk's v2 claim format, for fake.signSessionToken and the
// CreateSessionToken operation:
//   { iss, sub, sid, azp?, iat, nbf, exp, v: 2, fva, sts, o?: { id, slg, rol, per, fpm }, fea? }
// `o.rol` is the role without its "org:" prefix; organization permissions are compacted as
// Clerk does: `fea` lists the features ("o:invoices"), `per` the permission names, and `fpm`
// one decimal bit mask per feature (bit i set = per[i] granted).
import type { JWTPayload } from "jose";
import { withBillingClaims } from "./billing-claims.js";
import type { HandlerContext } from "./context.js";
import { tokenPermissionKeysOf } from "./catalog.js";
import { membershipOf } from "./handlers/lookup.js";
import type { RsaAlgorithm } from "./keys.js";

export interface SignSessionTokenOptions {
  readonly userId: string;
  /** Default: a fresh `sess_…` id (no session record is made). */
  readonly sessionId?: string;
  /** The active organization. Its slug, and the role and permissions of the user's membership, are read from the fake when not given. */
  readonly orgId?: string;
  readonly orgSlug?: string;
  /** e.g. "org:admin". */
  readonly orgRole?: string;
  /** e.g. ["org:invoices:read", "org:sys_memberships:manage"]. */
  readonly orgPermissions?: readonly string[];
  /** The `azp` (origin of the frontend), e.g. "https://app.example.com". */
  readonly azp?: string;
  /** Lifetime; Clerk's default is 60 seconds. */
  readonly expiresInSeconds?: number;
  /** When the token was issued (default: the fake's `now`). */
  readonly issuedAt?: Date;
  /** Extra claims, applied last: they may override any standard claim (e.g. `aud`, `nbf`). */
  readonly claims?: Record<string, unknown>;
  /** Signing algorithm; Clerk uses RS256. Other RSA algorithms let tests cover what verifiers must refuse or accept. */
  readonly algorithm?: RsaAlgorithm;
}

/** `fea`, `per` and `fpm` for a list of `org:<feature>:<permission>` strings. */
function compactPermissions(permissions: readonly string[]): { fea: string; per: string; fpm: string } | undefined {
  const features: string[] = [];
  const names: string[] = [];
  const grants: Array<[string, string]> = [];
  for (const permission of permissions) {
    const [scope, feature, name] = permission.split(":");
    if (scope !== "org" || !feature || !name) continue;
    if (!features.includes(feature)) features.push(feature);
    if (!names.includes(name)) names.push(name);
    grants.push([feature, name]);
  }
  if (features.length === 0) return undefined;
  const masks = features.map((feature) =>
    grants.filter(([f]) => f === feature).reduce((mask, [, name]) => mask | (1n << BigInt(names.indexOf(name))), 0n),
  );
  return { fea: features.map((f) => `o:${f}`).join(","), per: names.join(","), fpm: masks.map(String).join(",") };
}

function organizationClaims(ctx: HandlerContext, options: SignSessionTokenOptions): Record<string, unknown> {
  if (!options.orgId) return {};
  const organization = ctx.store.organizations.get(options.orgId);
  const membership = membershipOf(ctx, options.orgId, options.userId);
  const role = options.orgRole ?? membership?.role ?? "org:member";
  // Without orgPermissions, the role's custom permissions from the catalog (Clerk leaves system ones out).
  const permissions = options.orgPermissions ?? tokenPermissionKeysOf(ctx.store, role);
  const compact = compactPermissions(permissions);
  const o: Record<string, unknown> = { id: options.orgId, rol: role.replace(/^org:/, "") };
  const slug = options.orgSlug ?? organization?.slug;
  if (slug) o["slg"] = slug;
  if (compact) {
    o["per"] = compact.per;
    o["fpm"] = compact.fpm;
  }
  return { o, ...(compact ? { fea: compact.fea } : {}) };
}

export function sessionClaims(ctx: HandlerContext, options: SignSessionTokenOptions, sessionId: string): JWTPayload {
  const iat = Math.floor((options.issuedAt?.getTime() ?? ctx.now()) / 1000);
  const claims: JWTPayload = {
    iss: ctx.issuer,
    sub: options.userId,
    sid: sessionId,
    ...(options.azp ? { azp: options.azp } : {}),
    iat,
    // Clerk backdates nbf by a few seconds for clock skew.
    nbf: iat - 10,
    exp: iat + (options.expiresInSeconds ?? 60),
    v: 2,
    fva: [0, -1],
    sts: "active",
    ...organizationClaims(ctx, options),
  };
  return { ...withBillingClaims(ctx, options.userId, options.orgId, claims), ...options.claims };
}

export function signSessionToken(
  ctx: HandlerContext,
  options: SignSessionTokenOptions,
  sessionId: string,
): Promise<string> {
  return ctx.keys.sign(sessionClaims(ctx, options, sessionId), options.algorithm);
}
