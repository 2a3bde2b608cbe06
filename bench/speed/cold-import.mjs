// Bench (c): cold import of core + one function, a fresh Node process per
// sample, contenders in rotated order. Two layouts: "installed" (each file
// transpiled on its own, packages imported from node_modules, as an app loads
// an installed package) and "bundled" (one ESM file per contender).
// The child times only `await import(entry)`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { bundledPath, unbundledPath } from "./build.mjs";
import { entriesOf } from "../size/scenarios.mjs";
import { interleave } from "./stats.mjs";

export async function coldImport(samples = 15) {
  const targets = [];
  for (const { contender } of entriesOf("a-one-call")) {
    for (const [layout, file] of [
      ["installed", unbundledPath("a-one-call", contender)],
      ["bundled", bundledPath("a-one-call", contender)],
    ]) {
      if (existsSync(file)) targets.push({ key: `${contender}|${layout}`, url: pathToFileURL(file).href });
    }
  }
  const results = Object.fromEntries(targets.map((t) => [t.key, []]));
  const errors = {};
  const byKey = Object.fromEntries(targets.map((t) => [t.key, t]));
  await interleave(Object.keys(byKey), samples, (key) => {
    if (errors[key]) return;
    const code = `const t = performance.now(); await import(${JSON.stringify(byKey[key].url)}); process.stdout.write(String(performance.now() - t));`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
    if (child.status !== 0) errors[key] = child.stderr.split("\n").find((l) => l.trim()) ?? `exit ${child.status}`;
    else results[key].push(Number(child.stdout));
  });
  return { samples, results, errors };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await coldImport(3), null, 1));
