// Turns the TypeScript entries into JavaScript Node can run, under bench/.work:
//   bundled/<scenario>/<contender>.mjs  one ESM file per entry (esbuild, Node platform)
//   unbundled/...                       every file transpiled on its own, layout kept,
//                                       packages left as imports: how an app loads an
//                                       installed package (used for cold-import time)
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { esbuild } from "../lib/root-tools.mjs";
import { BENCH, ROOT, SRC, WORK } from "../lib/paths.mjs";
import { plainFetchEsbuild } from "../lib/plain-fetch.mjs";
import { entriesOf } from "../size/scenarios.mjs";

export const PLAIN_FETCH_PROBE = "clerk-fn-plain-fetch-probe";
export const OFETCH_PROBE = "ofetch-raw-probe";
export const BUNDLED = path.join(WORK, "bundled");
export const UNBUNDLED = path.join(WORK, "unbundled");

export function bundledPath(scenario, contender) {
  return path.join(BUNDLED, scenario, `${contender}.mjs`);
}
export function unbundledPath(scenario, contender) {
  return path.join(UNBUNDLED, "bench", "entries", scenario, `${contender}.js`);
}

/** Entry files of a group: a size scenario, or "decode" (bench/speed/decode). */
export function groupEntries(group) {
  if (group !== "decode") return entriesOf(group);
  const dir = path.join(BENCH, "speed", "decode");
  // clerk-fn first: its variants are checked against its output.
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort((a, b) => (a === "clerk-fn.ts" ? -1 : b === "clerk-fn.ts" ? 1 : a.localeCompare(b)))
    .map((f) => ({ contender: f.slice(0, -3), file: path.join(dir, f) }));
}

export async function buildForNode(scenarios = ["a-one-call", "decode"]) {
  for (const scenario of scenarios) {
    for (const { contender, file } of groupEntries(scenario)) {
      await esbuild.build({
        entryPoints: [file],
        outfile: bundledPath(scenario, contender),
        bundle: true,
        format: "esm",
        platform: "node",
        target: "node20",
        logLevel: "silent",
        // CommonJS dependencies bundled into ESM may call require() for built-ins.
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      });
    }
  }
  // Probe: clerk-fn with ofetch swapped for a plain fetch call, in each group it takes part in.
  for (const group of scenarios) {
    const entry = groupEntries(group).find((e) => e.contender === "clerk-fn");
    if (!entry) continue;
    await esbuild.build({
      entryPoints: [entry.file],
      outfile: bundledPath(group, PLAIN_FETCH_PROBE),
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "silent",
      plugins: [plainFetchEsbuild],
    });
  }
  // Probe: raw fetch's call made through ofetch (what ofetch alone costs per call).
  if (scenarios.includes("a-one-call")) {
    await esbuild.build({
      entryPoints: [path.join(BENCH, "speed", "probes", "ofetch-raw.ts")],
      outfile: bundledPath("a-one-call", OFETCH_PROBE),
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "silent",
    });
  }
  const files = [
    ...walk(SRC),
    ...walk(path.join(WORK, "hey-api")),
    ...scenarios.flatMap((s) => groupEntries(s).map((e) => e.file)),
  ].filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  await esbuild.build({
    entryPoints: files,
    outdir: UNBUNDLED,
    outbase: ROOT,
    bundle: false,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "silent",
  });
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildForNode();
