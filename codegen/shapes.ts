// Clerk's document repeats many inline objects word for word (the API-key
// response five times, the metadata-merge body three times). Each repeated
// shape is emitted once: the other names stay, as aliases of the one kept.
import type { Model, Node } from "./ir.js";

/**
 * Turns every model whose shape repeats an earlier one's into an alias of it.
 * Only hoisted inline shapes take part: component schemas keep their own
 * definitions, and each operation keeps its own request object. Two shapes
 * repeat when they have the same properties (wire and property names, types,
 * required, deprecated), the same extra-keys rule and the same directions;
 * nested shapes that repeat are merged first, so their parents compare equal.
 */
export function mergeRepeatedShapes(models: Map<string, Model>, keep: (m: Model) => boolean): void {
  const canonical = new Map<string, string>();
  const target = (id: string) => canonical.get(id) ?? id;
  const candidates = [...models.values()].filter((m) => !keep(m)).sort(byPreference);
  for (let merged = true; merged;) {
    merged = false;
    const first = new Map<string, string>();
    for (const m of candidates) {
      if (canonical.has(m.id)) continue;
      const key = shapeKey(m, target);
      const kept = first.get(key);
      if (kept === undefined) first.set(key, m.id);
      else {
        canonical.set(m.id, kept);
        merged = true;
      }
    }
  }
  for (const [id, kept] of canonical) {
    const m = models.get(id)!;
    delete m.props;
    delete m.extraKeys;
    m.alias = { k: "model", id: kept };
    m.sameShapeAs = kept;
  }
}

/** The shortest name is kept (usually the top-level one: `…Response` rather than `…ResponseDataItem`). */
function byPreference(a: Model, b: Model): number {
  return a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function shapeKey(m: Model, target: (id: string) => string): string {
  const node = (n: Node): unknown =>
    JSON.stringify(n, (key, value) => (key === "id" && typeof value === "string" ? target(value) : value));
  const props = m.props?.map((p) => [p.wire, p.name, node(p.node), p.required, p.deprecated, p.undeclared]);
  return JSON.stringify([props, m.alias && node(m.alias), !!m.extraKeys, m.deprecated, m.inbound, m.outbound]);
}
