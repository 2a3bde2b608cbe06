import { isPlainObject } from "../lib/json.js";
import type { SessionClaims } from "./claims.js";

/** The active organisation as seen in a session token. */
export interface OrganizationAuth {
  readonly orgId: string | null;
  readonly orgSlug: string | null;
  readonly orgRole: string | null;
  readonly orgPermissions: string[] | null;
}

/** Feature scopes whose permissions belong to the organisation. */
const ORG_SCOPES = /* @__PURE__ */ new Set(["o", "ou", "uo"]);
const DECIMAL = /^[0-9]+$/;

/**
 * Organisation data from v2 claims (`o` + `fea`), or the v1 `org_*` claims
 * passed through. Never throws: malformed pieces yield no permissions.
 */
export function organizationFromClaims(claims: SessionClaims): OrganizationAuth {
  if (claims.v === 2) {
    const o = isPlainObject(claims.o) ? claims.o : undefined;
    if (!o || typeof o.id !== "string") {
      return { orgId: null, orgSlug: null, orgRole: null, orgPermissions: null };
    }
    return {
      orgId: o.id,
      orgSlug: stringOrNull(o.slg),
      orgRole: typeof o.rol === "string" ? `org:${o.rol}` : null,
      orgPermissions: decodeOrgPermissions(claims.fea, o.per, o.fpm),
    };
  }
  return {
    orgId: stringOrNull(claims.org_id),
    orgSlug: stringOrNull(claims.org_slug),
    orgRole: stringOrNull(claims.org_role),
    orgPermissions: Array.isArray(claims.org_permissions)
      ? claims.org_permissions.filter((p): p is string => typeof p === "string")
      : null,
  };
}

/**
 * `org:<feature>:<permission>` for every set bit of each mask. `fpm` holds one
 * decimal mask per org-scoped feature of `fea` (in order); bit i (least
 * significant = 0) grants `per[i]`. Masks may exceed 2^53, so they are read as
 * BigInt. A malformed mask, a feature without a scope, or a mask with no
 * feature grants nothing (fail closed).
 */
export function decodeOrgPermissions(fea: unknown, per: unknown, fpm: unknown): string[] {
  if (typeof fea !== "string" || typeof per !== "string" || typeof fpm !== "string") return [];
  const permissions = splitList(per);
  const masks = splitList(fpm);
  const features = orgScopedFeatures(fea);
  const granted: string[] = [];
  features.forEach((feature, index) => {
    const mask = parseMask(masks[index]);
    if (feature === "" || mask === undefined) return;
    permissions.forEach((permission, bit) => {
      if (permission !== "" && (mask >> BigInt(bit)) & 1n) granted.push(`org:${feature}:${permission}`);
    });
  });
  return granted;
}

/** The names of `fea` entries scoped to the organisation (`o:x`, `ou:x`, `uo:x`). */
function orgScopedFeatures(fea: string): string[] {
  const features: string[] = [];
  for (const entry of splitList(fea)) {
    const colon = entry.indexOf(":");
    if (colon < 0) continue; // no scope: not an org feature, and it takes no mask
    if (ORG_SCOPES.has(entry.slice(0, colon))) features.push(entry.slice(colon + 1));
  }
  return features;
}

function parseMask(raw: string | undefined): bigint | undefined {
  return raw !== undefined && DECIMAL.test(raw) ? BigInt(raw) : undefined;
}

function splitList(value: string): string[] {
  return value === "" ? [] : value.split(",").map((s) => s.trim());
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
