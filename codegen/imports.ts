// Collects the imports of one generated module and prints them in a stable order.
export class Imports {
  private readonly values = new Map<string, Set<string>>();
  private readonly types = new Map<string, Set<string>>();
  private readonly namespaces = new Map<string, string>();

  value(from: string, name: string): void {
    (this.values.get(from) ?? this.values.set(from, new Set()).get(from)!).add(name);
  }
  type(from: string, name: string): void {
    (this.types.get(from) ?? this.types.set(from, new Set()).get(from)!).add(name);
  }
  namespace(from: string, alias: string): void {
    this.namespaces.set(from, alias);
  }

  print(): string {
    const lines: string[] = [];
    for (const [from, alias] of [...this.namespaces].sort()) lines.push(`import * as ${alias} from "${from}";`);
    const froms = [...new Set([...this.values.keys(), ...this.types.keys()])].sort(
      (a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0),
    );
    for (const from of froms) {
      const vals = [...(this.values.get(from) ?? [])].sort();
      const tys = [...(this.types.get(from) ?? [])].filter((t) => !vals.includes(t)).sort();
      if (vals.length === 0) lines.push(`import type { ${tys.join(", ")} } from "${from}";`);
      else {
        // Keep value and type names of one module in a single, sorted import.
        const all = [...vals.map((n) => [n, n] as const), ...tys.map((n) => [n, `type ${n}`] as const)].sort((a, b) =>
          a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
        );
        lines.push(`import { ${all.map((x) => x[1]).join(", ")} } from "${from}";`);
      }
    }
    return lines.join("\n");
  }
}

// Packages first, then the runtime, then models.
function rank(from: string): number {
  if (!from.startsWith(".")) return 0;
  if (from.includes("/lib/") || from.includes("/types/") || from.includes("/errors/") || from.includes("core.js"))
    return 1;
  return 2;
}

/** Relative import path between two generated modules ("components/user" style, under src/models). */
export function relative(fromFile: string, toFile: string): string {
  const from = fromFile.split("/").slice(0, -1);
  const to = toFile.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  const up = from.length - i;
  const rest = to.slice(i).join("/");
  return `${up === 0 ? "./" : "../".repeat(up)}${rest}.js`;
}
