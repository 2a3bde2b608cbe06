// Identifier rules, shared by every emitter so names never disagree.

/** Splits "JWKS.ecdsa.PublicKey", "verification_otp", "x5t#S256", "OAuthApp" into words. */
function words(raw: string): string[] {
  const out: string[] = [];
  for (const part of raw.split(/[^A-Za-z0-9]+/)) {
    if (!part) continue;
    // lower→Upper, digit→Upper and ACRONYMWord boundaries
    const pieces = part
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
      .split(" ");
    for (const p of pieces) if (p) out.push(p);
  }
  return out;
}

const upperFirst = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** "verification_otp" → "VerificationOtp"; acronyms are kept ("SAMLConnection"). */
export function pascal(raw: string): string {
  const name = words(raw).map(upperFirst).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** "created_at" → "createdAt"; "SAMLConnection" → "samlConnection"; "frontendApi" stays. */
export function camel(raw: string): string {
  const ws = words(raw);
  if (ws.length === 0) return "_";
  const [first, ...rest] = ws;
  const head = first!.toLowerCase();
  const name = head + rest.map(upperFirst).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Lower-cases the leading acronym of a PascalCase name: "OAuthApplication" → "oauthApplication". */
export function lowerFirst(name: string): string {
  const m = /^([A-Z]+)(?=[A-Z][a-z]|[0-9]|$)/.exec(name);
  if (m) return m[1]!.toLowerCase() + name.slice(m[1]!.length);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Function name: camelCase(group) + PascalCase(name). */
export function functionName(group: string, name: string): string {
  return camel(group) + pascal(name);
}

export interface NamedProperty {
  readonly wire: string;
  readonly deprecated: boolean;
}

/**
 * camelCase names for a set of wire names, resolving collisions deterministically:
 * the non-deprecated property (then the wire name sorting first) keeps the plain
 * camelCase name; the others get "Deprecated" (if deprecated) or a number suffix.
 * Today this only happens for GetPublicInterstitial: `frontend_api` → `frontendApi`
 * and the deprecated `frontendApi` → `frontendApiDeprecated`.
 */
export function propertyNames(
  props: readonly NamedProperty[],
  onCollision: (msg: string) => void,
): Map<string, string> {
  const byCamel = new Map<string, NamedProperty[]>();
  for (const p of props) {
    const c = camel(p.wire);
    byCamel.set(c, [...(byCamel.get(c) ?? []), p]);
  }
  const taken = new Set(byCamel.keys());
  const out = new Map<string, string>();
  for (const [c, group] of byCamel) {
    const sorted = [...group].sort(
      (a, b) => Number(a.deprecated) - Number(b.deprecated) || (a.wire < b.wire ? -1 : a.wire > b.wire ? 1 : 0),
    );
    out.set(sorted[0]!.wire, c);
    for (const loser of sorted.slice(1)) {
      let name = loser.deprecated ? `${c}Deprecated` : `${c}2`;
      for (let i = 2; taken.has(name); i++) name = `${c}${loser.deprecated ? "Deprecated" : ""}${i}`;
      taken.add(name);
      out.set(loser.wire, name);
      onCollision(
        `"${loser.wire}" and "${sorted[0]!.wire}" both camelCase to "${c}": "${sorted[0]!.wire}" keeps it, "${loser.wire}" becomes "${name}"`,
      );
    }
  }
  return out;
}

/** A tag as it appears in Clerk's reference URLs: "Email Addresses" → "email-addresses". */
export function kebab(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
