// src's modules import one another without cycles, counting type-only and lazy
// (`import()`) imports: a cycle makes load order decide what a module sees, and
// keeps bundlers from splitting the lazily loaded Clerk API layer of src/auth.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const IMPORT = /(?:from\s+|import\s*\(\s*)["'](\.{1,2}\/[^"']+)\.js["']/g;

/** Every module under src (relative path without `.ts`) and the src modules it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(SRC, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".ts")) continue;
    const source = readFileSync(path.join(SRC, file), "utf8");
    const imports = [...source.matchAll(IMPORT)].map((match) =>
      path.relative(SRC, path.resolve(SRC, path.dirname(file), match[1]!)),
    );
    graph.set(file.replace(/\.ts$/, ""), imports);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const walk = (node: string, trail: string[]) => {
    state.set(node, "open");
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") found.push([...trail.slice(trail.indexOf(next)), next].join(" → "));
      else if (!state.has(next)) walk(next, [...trail, next]);
    }
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) walk(node, [node]);
  return found;
}

describe("src imports", () => {
  const graph = importGraph();

  it("are read as the walk needs them (type-only, lazy and parent-directory imports included)", () => {
    expect(graph.get("auth/clerkApiLoader")).toContain("auth/clerkApi"); // lazy
    expect(graph.get("core")).toContain("lib/hooks"); // type-only
    expect(graph.get("lib/hooks")).toContain("errors/unexpectedClientError"); // ../
  });

  it("have no cycles", () => {
    expect(cycles(graph)).toEqual([]);
  });
});
