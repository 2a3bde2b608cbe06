// One process of the per-call benchmark (bench (a)). Mode "stub": every
// contender's fetch is an in-memory stub, installed before any contender is
// imported (@clerk/backend binds the global fetch at import time), so what is
// timed is the client's own work. Mode "server": real HTTP to 127.0.0.1:<port>.
// Contenders take turns in rotated order, batch by batch, and each batch is
// also expressed as a ratio to raw fetch's batch in the same round.
//   node per-call.mjs stub|server [port] [rounds] [batch]   -> JSON on stdout
import { pathToFileURL } from "node:url";
import { fixtures, stubFetch } from "./fixtures.mjs";
import { OFETCH_PROBE, PLAIN_FETCH_PROBE, bundledPath } from "./build.mjs";
import { entriesOf } from "../size/scenarios.mjs";
import { interleave } from "./stats.mjs";

const [mode, port, rounds = "30", batch = "300"] = process.argv.slice(2);
const f = fixtures();
if (mode === "stub") globalThis.fetch = stubFetch(f);
const serverUrl = mode === "stub" ? "https://api.clerk.com/v1" : `http://127.0.0.1:${port}/v1`;

const clients = {};
const errors = {};
for (const contender of [...entriesOf("a-one-call").map((e) => e.contender), PLAIN_FETCH_PROBE, OFETCH_PROBE]) {
  try {
    const mod = await import(pathToFileURL(bundledPath("a-one-call", contender)).href);
    const client = mod.client({ serverUrl, secretKey: "sk_test_bench", fetch: globalThis.fetch });
    const result = await client.getEmailAddress(f.emailAddressId);
    // Every contender must really have fetched and decoded the body.
    if (!JSON.stringify(result).includes(f.emailAddressText) || result?.ok === false) {
      throw new Error(`unexpected result: ${JSON.stringify(result).slice(0, 300)}`);
    }
    clients[contender] = client;
  } catch (error) {
    errors[contender] = String(error?.message ?? error).split("\n")[0];
  }
}
const names = Object.keys(clients);
const perCall = Object.fromEntries(names.map((n) => [n, []]));
const ratio = Object.fromEntries(names.map((n) => [n, []]));
const cpu = Object.fromEntries(names.map((n) => [n, []]));
const cpuRatio = Object.fromEntries(names.map((n) => [n, []]));
const n = Number(batch);

async function runBatch(name, count) {
  const client = clients[name];
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await client.getEmailAddress(f.emailAddressId);
  const wall = ((performance.now() - t0) * 1000) / count; // µs per call
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / count }; // CPU µs of this process per call
}

await interleave(names, 3, (name) => runBatch(name, n)); // warm-up: JIT, sockets
await interleave(names, Number(rounds), async (name, round) => {
  const t = await runBatch(name, n);
  perCall[name][round] = t.wall;
  cpu[name][round] = t.cpu;
});
for (let r = 0; r < Number(rounds); r++) {
  for (const name of names) {
    if (!perCall["raw-fetch"]) continue;
    ratio[name].push(perCall[name][r] / perCall["raw-fetch"][r]);
    cpuRatio[name].push(cpu[name][r] / cpu["raw-fetch"][r]);
  }
}
process.stdout.write(JSON.stringify({ mode, rounds: Number(rounds), batch: n, perCall, ratio, cpu, cpuRatio, errors }));
