// The server side of the export benchmark, in its own process: GET /v1/users
// over 10,000 realistic users (bench/data/users.mjs), oldest first with
// order_by=created_at, paged by limit and offset or starting_after (the id of the
// last user of the previous page), behind a development instance's
// limit of 100 requests per 10 s (fixed windows, 429 with Retry-After in whole
// seconds). POST /reset clears the counters and the window; GET /stats reports
// them. Prints the port; exits when its parent closes stdin.
import http from "node:http";
import { loadSpec, makeUsers } from "../data/users.mjs";

const COUNT = Number(process.argv[2] ?? 10_000);
const LIMIT = { requests: 100, perMs: 10_000 };
const users = makeUsers(COUNT, 20260512, loadSpec()).sort((a, b) => a.created_at - b.created_at);
const json = users.map((u) => JSON.stringify(u));
const rowOf = new Map(users.map((u, row) => [u.id, row]));
let stats;
let windowStart;
let inWindow;
const reset = () => {
  stats = { requests: 0, refused: 0 };
  windowStart = undefined;
  inWindow = 0;
};
reset();

const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (url.pathname === "/reset") return (reset(), res.end("{}"));
    if (url.pathname === "/stats") return res.end(JSON.stringify(stats));
    stats.requests++;
    // Windows start with the first request after a reset, then follow each other every 10 s.
    const now = Date.now();
    windowStart ??= now;
    if (now >= windowStart + LIMIT.perMs) {
      windowStart += Math.floor((now - windowStart) / LIMIT.perMs) * LIMIT.perMs;
      inWindow = 0;
    }
    if (++inWindow > LIMIT.requests) {
      stats.refused++;
      const seconds = Math.ceil((windowStart + LIMIT.perMs - now) / 1000);
      res.writeHead(429, { "content-type": "application/json", "retry-after": String(seconds) });
      return res.end(
        JSON.stringify({
          errors: [{ code: "too_many_requests", message: "Too many requests", long_message: "Too many requests" }],
        }),
      );
    }
    const cursor = url.searchParams.get("starting_after");
    const start = cursor === null ? Number(url.searchParams.get("offset") ?? 0) : rowOf.get(cursor) + 1;
    const limit = Number(url.searchParams.get("limit") ?? 10);
    const body = `[${json.slice(start, start + limit).join(",")}]`;
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
process.stdin.on("end", () => server.close(() => process.exit(0)));
process.stdin.resume();
