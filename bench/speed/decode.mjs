// One process of the decode benchmark (bench (b)): a 500-user GET /users body
// (~1.3 MB). Per round, in rotated order: JSON.parse of the text; each
// contender's validate(+map) of a freshly parsed copy (only the decode is
// timed); and each contender's whole listUsers call on an in-memory stub fetch.
//   node decode.mjs [rounds] [iterations]   -> JSON on stdout
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { fixtures, stubFetch } from "./fixtures.mjs";
import { PLAIN_FETCH_PROBE, bundledPath, groupEntries } from "./build.mjs";
import { interleave } from "./stats.mjs";

const [rounds = "15", iterations = "5"] = process.argv.slice(2);
const f = fixtures();
globalThis.fetch = stubFetch(f);
const expectedFirst = JSON.parse(f.usersJson)[0];
const serverUrl = "https://api.clerk.com/v1";

const decoders = {};
const callers = {};
const errors = {};
for (const contender of [...groupEntries("decode").map((e) => e.contender), PLAIN_FETCH_PROBE]) {
  try {
    const mod = await import(pathToFileURL(bundledPath("decode", contender)).href);
    if (mod.decode && contender !== PLAIN_FETCH_PROBE) {
      const out = await mod.decode(JSON.parse(f.usersJson));
      const first = out[0];
      if (out.length !== 500 || (first.firstName ?? first.first_name) !== expectedFirst.first_name)
        throw new Error("decode returned the wrong users");
      // A clerk-fn variant (the compiled probe) must give exactly clerk-fn's output.
      if (contender.startsWith("clerk-fn-") && decoders["clerk-fn"]) {
        if (!isDeepStrictEqual(out, decoders["clerk-fn"](JSON.parse(f.usersJson))))
          throw new Error("output differs from clerk-fn's");
      }
      decoders[contender] = mod.decode;
    }
    if (!mod.client) continue;
    const client = mod.client({ serverUrl, secretKey: "sk_test_bench", fetch: globalThis.fetch });
    const res = await client.listUsers();
    const list = res?.value ?? res?.data ?? res;
    if (!Array.isArray(list) || list.length !== 500)
      throw new Error(`listUsers returned ${JSON.stringify(res).slice(0, 200)}`);
    callers[contender] = client;
  } catch (error) {
    errors[contender] = String(error?.message || error?.errors?.[0]?.message || JSON.stringify(error)).split("\n")[0];
  }
}

const n = Number(iterations);
// Median of n runs, in ms. A decode task gets a freshly parsed body each run and only the decode is timed.
async function median(run) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await run());
  const mid = (xs) => xs.sort((a, b) => a - b)[n >> 1];
  return { wall: mid(runs.map((r) => r.wall)), cpu: mid(runs.map((r) => r.cpu)) };
}
// Wall ms, and CPU ms of this process (less disturbed by other processes on a busy machine).
async function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}
const tasks = { parse: () => median(() => timed(() => JSON.parse(f.usersJson))) };
for (const [name, decode] of Object.entries(decoders)) {
  tasks[`decode:${name}`] = () =>
    median(() => {
      const parsed = JSON.parse(f.usersJson);
      return timed(() => decode(parsed));
    });
}
for (const [name, client] of Object.entries(callers))
  tasks[`call:${name}`] = () => median(() => timed(() => client.listUsers()));
const samples = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]));
const cpu = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]));

const keys = Object.keys(tasks);
await interleave(keys, 2, (k) => tasks[k]()); // warm-up
await interleave(keys, Number(rounds), async (k, round) => {
  const t = await tasks[k]();
  samples[k][round] = t.wall;
  cpu[k][round] = t.cpu;
});
process.stdout.write(
  JSON.stringify({
    rounds: Number(rounds),
    iterations: n,
    bytes: Buffer.byteLength(f.usersJson),
    samples,
    cpu,
    errors,
  }),
);
