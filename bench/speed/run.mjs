// npm run bench: (a) per-call time vs raw fetch (stub fetch and 127.0.0.1 HTTP),
// (b) 500-user decode vs JSON.parse, (c) cold import, (d) tsc --noEmit.
// Each part runs in fresh processes; results go to bench/.work/bench.json and
// are printed as the markdown tables BENCHMARKS.md carries.
//   node bench/speed/run.mjs [per-call] [decode] [cold] [tsc] [--quick]
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateContenders } from "../lib/generate.mjs";
import { WORK } from "../lib/paths.mjs";
import { buildForNode } from "./build.mjs";
import { coldImport } from "./cold-import.mjs";
import { median, quantile, spread } from "./stats.mjs";
import { tscTimes } from "./tsc.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const parts = args.filter((a) => !a.startsWith("--"));
const wants = (p) => parts.length === 0 || parts.includes(p);
const report = { date: new Date().toISOString(), machine: machine(), quick };

await generateContenders();
await buildForNode();

if (wants("per-call")) {
  // Many short batches: the fastest tenth of them (see printPerCall) needs enough rounds.
  const [rounds, batch] = quick ? ["20", "100"] : ["120", "200"];
  report.perCallStub = await childJson(["per-call.mjs", "stub", "", rounds, batch]);
  const server = spawn(process.execPath, [path.join(HERE, "server.mjs")], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise((resolve) => server.stdout.once("data", (d) => resolve(String(d).trim())));
  const [srounds, sbatch] = quick ? ["6", "100"] : ["30", "200"];
  report.perCallServer = await childJson(["per-call.mjs", "server", port, srounds, sbatch]);
  server.stdin.end();
  printPerCall("stub fetch (in-process; the client's own work)", report.perCallStub);
  printPerCall("node:http server on 127.0.0.1 (separate process, keep-alive)", report.perCallServer);
}
if (wants("decode")) {
  report.decode = await childJson(["decode.mjs", quick ? "4" : "15", quick ? "3" : "5"]);
  printDecode(report.decode);
}
if (wants("cold")) {
  report.cold = await coldImport(quick ? 4 : 15);
  printCold(report.cold);
}
if (wants("tsc")) {
  report.tsc = await tscTimes(quick ? 2 : 5);
  printTsc(report.tsc);
}
report.machine.loadAfter = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(" ");
writeFileSync(path.join(WORK, "bench.json"), JSON.stringify(report, null, 1));
console.log(
  `\nmachine: ${report.machine.cpu} ×${report.machine.cores}, Node ${process.version}, load average before ${report.machine.loadBefore}, after ${report.machine.loadAfter}`,
);

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model,
    cores: cpus.length,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadBefore: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
  };
}

function childJson(argv) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(HERE, argv[0]), ...argv.slice(1)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("close", (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${argv[0]} exited ${code}`)),
    );
  });
}

function printPerCall(title, r) {
  console.log(
    `\n(a) per call, GET /email_addresses/{id}, ${title}: ${r.rounds} rounds × ${r.batch} calls, median (p25–p75)`,
  );
  // On a shared machine other work only ever adds time, so the fastest tenth of the
  // batches (p10) is the steadiest estimate of a client's own cost; its ratio is
  // contender p10 ÷ raw fetch p10 over the same rounds.
  console.log(
    "| contender | wall µs per call | wall × raw fetch (same round) | CPU µs per call | CPU × raw fetch (same round) | p10 wall µs | p10 × raw fetch p10 |\n|---|---:|---:|---:|---:|---:|---:|",
  );
  const rawP10 = quantile(r.perCall["raw-fetch"] ?? [], 0.1);
  for (const name of Object.keys(r.perCall)) {
    const p10 = quantile(r.perCall[name], 0.1);
    console.log(
      `| ${name} | ${spread(r.perCall[name], 1)} | ${spread(r.ratio[name], 2)} | ${spread(r.cpu[name], 1)} | ${spread(r.cpuRatio[name], 2)} | ${p10.toFixed(1)} | ${(p10 / rawP10).toFixed(2)} |`,
    );
  }
  for (const [name, e] of Object.entries(r.errors)) console.log(`| ${name} | failed: ${e} | | | |`);
  // What clerk-fn adds above ofetch's own call (issue 26 asks to cut it): the probe is raw
  // fetch's call made through ofetch the way clerk-fn uses it, so the difference is clerk-fn's work.
  // Stub fetch only: over real HTTP the network's noise is larger than the difference.
  const ours = r.perCall["clerk-fn"];
  const probe = r.perCall["ofetch-raw-probe"];
  if (ours && probe && r.mode === "stub") {
    const own = ours.map((t, round) => t - probe[round]);
    const p10 = quantile(ours, 0.1) - quantile(probe, 0.1);
    console.log(
      `\nclerk-fn's own work per call, above ofetch-raw-probe: ${p10.toFixed(1)} µs (p10 − p10); per round ${spread(own, 1)} µs`,
    );
  }
}

function printDecode(r) {
  console.log(
    `\n(b) decoding a ${r.bytes.toLocaleString("en-US")}-byte, 500-user GET /users body: ${r.rounds} rounds, median of ${r.iterations} runs each; ms, median (p25–p75)`,
  );
  for (const [label, t] of [
    ["wall", r.samples],
    ["CPU", r.cpu],
  ]) {
    const parse = t.parse;
    const ratio = (xs) => xs.map((x, i) => x / parse[i]);
    console.log(`\n${label} time, decode of an already parsed body:`);
    console.log(`| what | ${label} ms | × JSON.parse (same round) |\n|---|---:|---:|`);
    console.log(`| JSON.parse | ${spread(parse, 1)} | 1.00 |`);
    for (const key of Object.keys(t).filter((k) => k.startsWith("decode:"))) {
      console.log(`| ${key.slice(7)}: validate + map | ${spread(t[key], 1)} | ${spread(ratio(t[key]), 2)} |`);
    }
    const raw = t["call:raw-fetch"];
    if (!raw) continue;
    console.log(`\n${label} time, whole listUsers call on a stub fetch (fetch + parse + decode):`);
    console.log(
      `| contender | ${label} ms | × raw fetch + JSON.parse | call − raw, ms | (call − raw) × JSON.parse |\n|---|---:|---:|---:|---:|`,
    );
    for (const key of Object.keys(t).filter((k) => k.startsWith("call:"))) {
      const xs = t[key];
      const part = xs.map((x, i) => x - raw[i]);
      console.log(
        `| ${key.slice(5)} | ${spread(xs, 1)} | ${spread(
          xs.map((x, i) => x / raw[i]),
          2,
        )} | ${spread(part, 1)} | ${median(part.map((p, i) => p / parse[i])).toFixed(2)} |`,
      );
    }
  }
  for (const [name, e] of Object.entries(r.errors)) console.log(`| ${name} | failed: ${e} | | | |`);
}

function printCold(r) {
  console.log(
    `\n(c) cold import of core + one function (fresh node process per sample, ${r.samples} samples), ms, median (p25–p75)`,
  );
  console.log("| contender | installed (files + node_modules) | bundled (one file) |\n|---|---:|---:|");
  const names = [...new Set(Object.keys(r.results).map((k) => k.split("|")[0]))];
  for (const name of names) {
    const cell = (layout) =>
      r.errors[`${name}|${layout}`]
        ? `failed: ${r.errors[`${name}|${layout}`]}`
        : spread(r.results[`${name}|${layout}`] ?? [], 1);
    console.log(`| ${name} | ${cell("installed")} | ${cell("bundled")} |`);
  }
}

function printTsc(r) {
  console.log(`\n(d) tsc --noEmit of a consumer calling one operation (${r.samples} samples), ms, median (p25–p75)`);
  console.log(
    "| contender | wall (process) | tsc Total time | files | lines (TS + .d.ts) |\n|---|---:|---:|---:|---:|",
  );
  for (const name of Object.keys(r.wall)) {
    if (r.errors[name]) console.log(`| ${name} | failed: ${r.errors[name]} | | | |`);
    else
      console.log(
        `| ${name} | ${spread(r.wall[name], 0)} | ${spread(r.total[name], 0)} | ${r.files[name]?.files} | ${r.files[name]?.lines?.toLocaleString("en-US")} |`,
      );
  }
}
