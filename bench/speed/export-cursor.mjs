// The second part of npm run bench:export: every one of 100,000 users from a
// server whose page cost grows with `offset` as a database's does
// (export-scan-server.mjs), walked by paginate by cursor (usersList's
// `starting_after`, what it does in created_at order) and by offset (the same
// function without its cursor). Pages per second over the first and the last
// tenth of each walk: a cursor page costs the same anywhere in the list, an
// offset page costs more the deeper it is.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const COUNT = 100_000;
const PAGE = 500;

/** Runs both walks once each against a fresh server process; returns the table as Markdown lines and the raw runs. */
export async function cursorAgainstOffset(walkEveryUser) {
  const server = spawn(process.execPath, [path.join(HERE, "export-scan-server.mjs"), String(COUNT)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const { port, baseMs, perRowMs } = await new Promise((resolve) =>
    server.stdout.once("data", (line) => resolve(JSON.parse(String(line)))),
  );
  const base = `http://127.0.0.1:${port}`;
  const runs = {};
  try {
    // A few pages each first, so neither timed walk pays for the JIT's warm-up.
    for (const by of ["cursor", "offset"]) await walkEveryUser(`${base}/v1`, by, 5 * PAGE);
    for (const by of ["cursor", "offset"]) {
      await fetch(`${base}/reset`, { method: "POST" });
      const walk = await walkEveryUser(`${base}/v1`, by);
      const stats = await (await fetch(`${base}/stats`)).json();
      if (walk.users !== COUNT || walk.repeats !== 0)
        throw new Error(`by ${by}: ${walk.users} users, ${walk.repeats} repeats; expected ${COUNT}, 0`);
      runs[by] = { ...stats, times: walk.times, waits: walk.waits };
    }
  } finally {
    server.stdin.end();
  }

  const pages = COUNT / PAGE;
  const tenth = pages / 10;
  const rate = (times, from, to) => (to - from) / ((times[to] - times[from]) / 1000);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fmt = (n, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
  const lines = [
    `### Every one of ${fmt(COUNT)} users, by cursor and by offset (pages of ${PAGE}, oldest first)`,
    "",
    `Simulated page cost: ${baseMs} ms, plus ${fmt(perRowMs * 1000, 3)} µs per row an offset walks past (${fmt(baseMs + (COUNT - PAGE) * perRowMs)} ms for the last page by offset); a cursor page costs ${baseMs} ms anywhere.`,
    "",
    `| walk | pages/s, first ${tenth} pages | pages/s, last ${tenth} pages | server wait per page (median), first ${tenth} | last ${tenth} | whole walk | requests | simulated server time |`,
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [by, { times, waits, ...run }] of Object.entries(runs)) {
    lines.push(
      `| by ${by} | ${fmt(rate(times, 0, tenth))} | ${fmt(rate(times, pages - tenth, pages))} | ${fmt(median(waits.slice(0, tenth)))} ms | ${fmt(median(waits.slice(pages - tenth, pages)))} ms | ${fmt((times[pages] - times[0]) / 1000)} s | ${run.requests} (${run.byCursor} with starting_after, ${run.byOffset} with offset) | ${fmt(run.costMs / 1000)} s |`,
    );
  }
  const raw = Object.fromEntries(
    Object.entries(runs).map(([by, { times, ...rest }]) => [
      by,
      { ...rest, pageTimes: times.map((t) => t - times[0]) },
    ]),
  );
  return { lines, runs: raw };
}
