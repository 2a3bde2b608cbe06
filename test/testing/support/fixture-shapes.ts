// Comparing a real Clerk body (../shared/clerk-fixtures/responses) with the fake's answer for
// the same kind of object, field by field: the same keys, and the same kind of value under
// each (null matches anything, since a nullable field is null in one capture and set in
// another). Nested objects are compared the same way; arrays by their first items.
export type Kind = "null" | "string" | "number" | "boolean" | "array" | "object";

const kindOf = (value: unknown): Kind =>
  value === null ? "null" : Array.isArray(value) ? "array" : (typeof value as Kind);

const FREE_FORM = /metadata$|^claims$|^actor$/;
const kindOnly = (value: unknown): unknown => (kindOf(value) === "object" ? {} : value);

/** Differences as "missing a.b" (Clerk sends it, the fake does not), "extra a.b" and "kind a.b: string vs number". */
export function shapeDifferences(real: unknown, fake: unknown, path = ""): string[] {
  const realKind = kindOf(real);
  const fakeKind = kindOf(fake);
  if (realKind === "null" || fakeKind === "null") return [];
  if (realKind !== fakeKind) return [`kind ${path || "(root)"}: ${realKind} vs ${fakeKind}`];
  if (realKind === "array") {
    const [r] = real as unknown[];
    const [f] = fake as unknown[];
    return r === undefined || f === undefined ? [] : shapeDifferences(r, f, `${path}[]`);
  }
  if (realKind !== "object") return [];
  const out: string[] = [];
  const r = real as Record<string, unknown>;
  const f = fake as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in f)) out.push(`missing ${at}`);
    // Free-form maps hold whatever the app put there: only their kind is compared.
    else if (FREE_FORM.test(key)) out.push(...shapeDifferences(kindOnly(r[key]), kindOnly(f[key]), at));
    else out.push(...shapeDifferences(r[key], f[key], at));
  }
  for (const key of Object.keys(f)) if (!(key in r)) out.push(`extra ${path ? `${path}.${key}` : key}`);
  return out;
}
