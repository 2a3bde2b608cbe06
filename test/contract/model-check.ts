import type { JsonSchema } from "./spec.js";

/**
 * Checks a decoded value against the raw wire body, guided by the spec's
 * schema: every declared property present on the wire must be in the value
 * under a camelCase key with the same content, free-form maps must be passed
 * through untouched, nulls stay null. Undeclared wire fields are ignored
 * (lenient decoding). Returns human-readable problems (empty when it matches).
 */
export function modelProblems(
  schema: JsonSchema | undefined,
  raw: unknown,
  value: unknown,
  resolve: (n: unknown) => JsonSchema,
): string[] {
  const problems: string[] = [];
  if (schema) compare(schema, raw, value, "$", problems, resolve, 0);
  return problems.slice(0, 10);
}

function compare(
  node: unknown,
  raw: unknown,
  value: unknown,
  path: string,
  out: string[],
  resolve: (n: unknown) => JsonSchema,
  depth: number,
): void {
  if (raw === undefined || depth > 40) return;
  const schema = resolve(node);
  if (raw === null) {
    if (value !== null && value !== undefined) out.push(`${path}: wire null became ${JSON.stringify(value)}`);
    return;
  }
  for (const part of (schema.allOf as unknown[] | undefined) ?? [])
    compare(part, raw, value, path, out, resolve, depth + 1);
  const branches = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (branches?.length) {
    // The branch(es) declaring most of the wire's keys must explain the value; a
    // branch that declares none of them would pass vacuously, so it does not count.
    const scored = branches.map((b) => {
      const found: string[] = [];
      compare(b, raw, value, path, found, resolve, depth + 1);
      return { found, score: declaredKeys(b, raw, resolve) };
    });
    const best = Math.max(...scored.map((r) => r.score));
    const contenders = scored.filter((r) => r.score === best);
    if (!contenders.some((r) => r.found.length === 0)) out.push(...contenders[0]!.found);
  }
  if (Array.isArray(raw)) {
    if (!Array.isArray(value) || value.length !== raw.length) {
      out.push(`${path}: wire array of ${raw.length} became ${describe(value)}`);
      return;
    }
    if (schema.items)
      raw.forEach((item, i) => compare(schema.items, item, value[i], `${path}[${i}]`, out, resolve, depth + 1));
    return;
  }
  if (typeof raw === "object") {
    if (!value || typeof value !== "object") {
      out.push(`${path}: wire object became ${describe(value)}`);
      return;
    }
    const props = schema.properties as Record<string, unknown> | undefined;
    if (
      !props &&
      !schema.allOf &&
      !branches &&
      (schema.type === "object" || schema.additionalProperties !== undefined)
    ) {
      const extra = schema.additionalProperties;
      if (extra && typeof extra === "object" && Object.keys(extra).length > 0) {
        // A typed map: keys stay as sent, values follow their schema.
        for (const [k, item] of Object.entries(raw))
          compare(extra, item, (value as Record<string, unknown>)[k], `${path}.${k}`, out, resolve, depth + 1);
      } else if (JSON.stringify(raw) !== JSON.stringify(value)) {
        out.push(`${path}: free-form map was not passed through untouched`);
      }
      return;
    }
    for (const [wire, sub] of Object.entries(props ?? {})) {
      const wireValue = (raw as Record<string, unknown>)[wire];
      if (wireValue === undefined) continue;
      const key = camelKeyFor(wire, value as Record<string, unknown>);
      if (key === undefined) {
        out.push(`${path}.${wire}: on the wire but missing from the value`);
        continue;
      }
      if (key === wire && /_/.test(wire)) out.push(`${path}.${wire}: key not converted to camelCase`);
      compare(sub, wireValue, (value as Record<string, unknown>)[key], `${path}.${wire}`, out, resolve, depth + 1);
    }
    return;
  }
  if (raw !== value) out.push(`${path}: wire ${JSON.stringify(raw)} became ${JSON.stringify(value)}`);
}

// The value's key for a wire key: same letters and digits, ignoring case and separators.
function camelKeyFor(wire: string, value: Record<string, unknown>): string | undefined {
  const norm = (k: string) => k.toLowerCase().replace(/[^a-z0-9]/g, "");
  const target = norm(wire);
  const keys = Object.keys(value).filter((k) => norm(k) === target);
  return keys.find((k) => k !== wire) ?? keys[0];
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? `array of ${value.length}` : typeof value;
}

// How many of the wire object's keys a schema declares (through allOf).
function declaredKeys(node: unknown, raw: unknown, resolve: (n: unknown) => JsonSchema): number {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return 0;
  const schema = resolve(node);
  const own = Object.keys((schema.properties as object | undefined) ?? {}).filter((k) => k in raw).length;
  return (
    own +
    ((schema.allOf as unknown[] | undefined) ?? []).reduce<number>((n, part) => n + declaredKeys(part, raw, resolve), 0)
  );
}
