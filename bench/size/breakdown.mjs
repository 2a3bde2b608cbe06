// Where clerk-fn's one-call bytes go: gzip of the whole bundle, of the runtime
// alone (no operation, no model), and of both with ofetch swapped for a
// one-line fetch wrapper; plus rendered (pre-minify) bytes per source area.
//   node bench/size/breakdown.mjs
import path from "node:path";
import { bundle } from "../lib/bundle.mjs";
import { BENCH } from "../lib/paths.mjs";
import { plainFetchRollup } from "../lib/plain-fetch.mjs";

const withoutOfetch = plainFetchRollup;

export async function breakdown() {
  const oneCall = path.join(BENCH, "entries", "a-one-call", "clerk-fn.ts");
  const runtime = path.join(BENCH, "size", "probes", "runtime-only.ts");
  const floor = path.join(BENCH, "size", "probes", "floor.ts");
  const full = await bundle(oneCall);
  const rows = [
    ["ClerkCore + emailAddressesGet (the one-call bundle)", full],
    ["the same, ofetch replaced by a plain fetch call", await bundle(oneCall, { extraPlugins: [withoutOfetch] })],
    ["runtime only: ClerkCore + request interpreter, no operation, no model", await bundle(runtime)],
    ["runtime only, ofetch replaced by a plain fetch call", await bundle(runtime, { extraPlugins: [withoutOfetch] })],
    ["floor: ofetch + valibot + the EmailAddress model, minimal glue, no runtime features", await bundle(floor)],
    ["the floor, ofetch replaced by a plain fetch call", await bundle(floor, { extraPlugins: [withoutOfetch] })],
    ["ofetch alone (createFetch)", await bundle(path.join(BENCH, "size", "probes", "ofetch-only.ts"))],
  ];
  const areas = [
    ["valibot", /node_modules\/valibot/],
    ["ofetch", /node_modules\/ofetch/],
    ["src/lib (interpreter, schema helpers, http, url)", /src\/lib\//],
    ["src/errors", /src\/errors\//],
    ["src/retries", /src\/retries\//],
    ["src/models (EmailAddress + verification variants + request)", /src\/models\//],
    ["src/funcs + core + types", /src\/(funcs|core|types)/],
  ];
  const rendered = areas.map(([label, re]) => [
    label,
    Object.entries(full.modules)
      .filter(([id]) => re.test(id))
      .reduce((s, [, n]) => s + n, 0),
  ]);
  return { rows: rows.map(([label, o]) => ({ label, min: o.min, gzip: o.gzip, brotli: o.brotli })), rendered };
}

export function printBreakdown({ rows, rendered }) {
  console.log("\nwhere clerk-fn's one-call bytes go");
  console.log("| bundle | min B | gzip B | brotli B |\n|---|---:|---:|---:|");
  for (const r of rows)
    console.log(
      `| ${r.label} | ${r.min.toLocaleString("en-US")} | ${r.gzip.toLocaleString("en-US")} | ${r.brotli.toLocaleString("en-US")} |`,
    );
  console.log("\n| source area | rendered bytes before minify |\n|---|---:|");
  for (const [label, n] of rendered) console.log(`| ${label} | ${n.toLocaleString("en-US")} |`);
}

if (import.meta.url === `file://${process.argv[1]}`) printBreakdown(await breakdown());
