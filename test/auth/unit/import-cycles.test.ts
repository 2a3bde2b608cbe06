// src/auth's modules import one another without cycles, counting type-only and
// lazy (`import()`) imports: a cycle makes load order decide what a module
// sees, and keeps bundlers from splitting the lazily loaded Clerk API layer.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dir = new URL("../../../src/auth/", import.meta.url);
const IMPORT = /(?:from\s+|import\s*\(\s*)["']\.\/([\w.-]+)\.js["']/g;

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".ts"))) {
    const source = readFileSync(new URL(file, dir), "utf8");
    graph.set(
      file.replace(/\.ts$/, ""),
      [...source.matchAll(IMPORT)].map((match) => match[1]!),
    );
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const walk = (node: string, path: string[]) => {
    state.set(node, "open");
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") found.push([...path.slice(path.indexOf(next)), next].join(" → "));
      else if (!state.has(next)) walk(next, [...path, next]);
    }
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) walk(node, [node]);
  return found;
}

describe("src/auth imports", () => {
  it("have no cycles", () => {
    const graph = importGraph();
    expect(graph.get("verifyToken")).toContain("clerkApiLoader"); // the walk sees real edges
    expect(cycles(graph)).toEqual([]);
  });
});
