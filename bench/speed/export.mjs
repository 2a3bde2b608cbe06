// Export benchmark, two parts:
// 1. every one of 10,000 users from a server with a development instance's rate
//    limit (100 requests per 10 s, real time), by paginate (with and without
//    rateLimit) and by the hand-written offset loop export scripts use, in the
//    same run. Wall time, the client process's CPU time (the server runs in its
//    own process), requests sent, 429s received. Each contender starts on a
//    fresh rate-limit window; the order rotates every round.
// 2. every one of 100,000 users from a server whose page cost grows with offset,
//    by cursor against by offset: pages per second at the start and at the end
//    (export-cursor.mjs, one walk each).
//   node bench/speed/export.mjs [rounds of part 1]      (also: npm run bench:export)
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { WORK } from "../lib/paths.mjs";
import { esbuild } from "../lib/root-tools.mjs";
import { cursorAgainstOffset } from "./export-cursor.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const rounds = Number(process.argv[2] ?? 1);
const bundled = path.join(WORK, "bundled", "export", "contenders.mjs");
mkdirSync(path.dirname(bundled), { recursive: true });
await esbuild.build({
  entryPoints: [path.join(HERE, "export", "contenders.ts")],
  outfile: bundled,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "silent",
});
const { withPaginate, handWrittenLoop, walkEveryUser } = await import(pathToFileURL(bundled).href);

const server = spawn(process.execPath, [path.join(HERE, "export-server.mjs"), "10000"], {
  stdio: ["pipe", "pipe", "inherit"],
});
const port = await new Promise((resolve) => server.stdout.once("data", (d) => resolve(String(d).trim())));
const base = `http://127.0.0.1:${port}`;

const contenders = {
  "paginate, rateLimit 100 per 10 s": () => withPaginate(`${base}/v1`, true),
  "paginate, no rateLimit": () => withPaginate(`${base}/v1`, false),
  "hand-written offset loop (limit 100)": () => handWrittenLoop(`${base}/v1`),
};
const runs = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
const order = Object.entries(contenders);
for (let round = 0; round < rounds; round++) {
  // Rotated each round, so no contender always runs first (cold JIT) or last.
  for (const [name, run] of [...order.slice(round % order.length), ...order.slice(0, round % order.length)]) {
    await fetch(`${base}/reset`, { method: "POST" });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await run();
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const stats = await (await fetch(`${base}/stats`)).json();
    if (result.users !== 10_000) throw new Error(`${name}: ${result.users} users, expected 10,000`);
    runs[name].push({ ms, cpuMs: (cpu.user + cpu.system) / 1000, ...stats, ...result });
  }
}
server.stdin.end();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
console.log(`\n### Export of 10,000 users at 100 requests per 10 s (${rounds} rounds, median wall time)\n`);
console.log("| contender | wall time (median) | each round | client CPU (median) | requests | 429s | users |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
const each = (list, key, f = String) => [...new Set(list.map((r) => f(r[key])))].join(", ");
for (const [name, list] of Object.entries(runs)) {
  const seconds = (ms) => fmt(ms / 1000);
  console.log(
    `| ${name} | ${seconds(median(list.map((r) => r.ms)))} s | ${list.map((r) => seconds(r.ms)).join(", ")} s | ${seconds(median(list.map((r) => r.cpuMs)))} s | ${each(list, "requests")} | ${list.map((r) => r.refused).join(", ")} | ${each(list, "users", fmt)} |`,
  );
}

const deep = await cursorAgainstOffset(walkEveryUser);
console.log(`\n${deep.lines.join("\n")}`);

const machine = `${os.cpus()[0]?.model} ×${os.cpus().length}, Node ${process.version}, load average ${os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(" ")}`;
console.log(`\nmachine: ${machine}`);
writeFileSync(
  path.join(WORK, "export.json"),
  JSON.stringify({ date: new Date().toISOString(), machine, runs, cursorAgainstOffset: deep.runs }, null, 1),
);
