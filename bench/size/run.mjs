// npm run size: bundles every entry (browser/worker platform, ESM, terser) and
// prints minified, gzip -9 and brotli bytes per contender per scenario.
// Results also go to bench/.work/size.json for BENCHMARKS.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bundle } from "../lib/bundle.mjs";
import { generateContenders } from "../lib/generate.mjs";
import { BENCH, WORK } from "../lib/paths.mjs";
import { breakdown, printBreakdown } from "./breakdown.mjs";
import { SCENARIOS, entriesOf, sizeOnlyEntriesOf } from "./scenarios.mjs";

const require = createRequire(path.join(BENCH, "package.json"));
const commonjs = require("@rollup/plugin-commonjs");

await generateContenders();
const only = process.argv[2];
const results = [];
for (const scenario of SCENARIOS) {
  if (only && !scenario.id.startsWith(only)) continue;
  console.log(`\n${scenario.title}`);
  console.log("| contender | min B | gzip B | brotli B | notes |\n|---|---:|---:|---:|---|");
  for (const { contender, file, note } of [...entriesOf(scenario.id), ...sizeOnlyEntriesOf(scenario.id)]) {
    try {
      const needsNodeEnv = contender.startsWith("clerk-backend");
      const extraPlugins = contender === "clerk-fn" ? [] : [commonjs(), ...(needsNodeEnv ? [defineNodeEnv()] : [])];
      const out = await bundle(file, { extraPlugins });
      const notes = [
        note ?? "",
        needsNodeEnv
          ? 'process.env.NODE_ENV defined as "production" (its runtime.fetch getter reads it unguarded)'
          : "",
        /\bprocess\.env\b/.test(out.code) ? "still reads process.env behind typeof guards" : "",
      ]
        .filter(Boolean)
        .join("; ");
      mkdirSync(path.join(WORK, "bundles", scenario.id), { recursive: true });
      writeFileSync(path.join(WORK, "bundles", scenario.id, `${contender}.min.js`), out.code);
      results.push({ scenario: scenario.id, contender, min: out.min, gzip: out.gzip, brotli: out.brotli, notes });
      console.log(`| ${contender} | ${fmt(out.min)} | ${fmt(out.gzip)} | ${fmt(out.brotli)} | ${notes} |`);
    } catch (error) {
      const message = String(error?.message ?? error).split("\n")[0];
      results.push({ scenario: scenario.id, contender, error: message });
      console.log(`| ${contender} | — | — | — | could not bundle: ${message} |`);
    }
  }
}
let where;
if (!only || only.startsWith("a")) {
  try {
    where = await breakdown();
    printBreakdown(where);
  } catch (error) {
    console.log(`breakdown failed: ${String(error?.message ?? error).split("\n")[0]}`);
  }
}
writeFileSync(
  path.join(WORK, "size.json"),
  JSON.stringify({ date: new Date().toISOString(), results, breakdown: where }, null, 2),
);

// @clerk/backend's `runtime.fetch` getter reads process.env.NODE_ENV without a
// guard, so in a worker without `process` every call would throw. Bundlers for
// the browser define it; so do we, for that contender only.
function defineNodeEnv() {
  return {
    name: "define-node-env",
    transform(code) {
      return code.includes("process.env.NODE_ENV")
        ? { code: code.replaceAll("process.env.NODE_ENV", '"production"'), map: null }
        : null;
    },
  };
}

function fmt(n) {
  return n.toLocaleString("en-US");
}
