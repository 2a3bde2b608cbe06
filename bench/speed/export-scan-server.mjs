// The server side of the cursor-against-offset export benchmark, in its own
// process: GET /v1/users over COUNT users, oldest first with order_by=created_at
// (newest first without it, as Clerk), paged by limit plus either offset or
// starting_after. Users are 1,000 realistic ones (bench/data/users.mjs) cut to
// the properties the spec requires (one email address, no other accounts, about
// 1.3 KB each, so the client's decoding does not hide the server's cost), repeated,
// each copy with its own id (user_000000001, …) and created_at.
//
// Each page costs what it would cost a database: BASE_MS, plus for `offset`
// PER_ROW_MS for every row it walks past and discards, so a deep page is slow;
// a `starting_after` page finds its place through an index (a Map here) and
// costs BASE_MS wherever it lands. The cost is a wait, so the server does not
// take CPU from the client on a shared machine. No rate limit.
// POST /reset clears the counters, GET /stats reports them. Prints one JSON line
// (port and cost model); exits when its parent closes stdin.
//   node bench/speed/export-scan-server.mjs [count]
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { loadSpec, makeUsers } from "../data/users.mjs";

const COUNT = Number(process.argv[2] ?? 100_000);
const BASE_MS = 2;
const PER_ROW_MS = 0.002; // 2 µs per discarded row: 200 ms at offset 100,000
const TEMPLATES = 1_000;
const FIRST_CREATED_AT = 1_735_689_600_000; // 2025-01-01

const spec = loadSpec();
const required = spec.components.schemas.User.required;
// Each template as its JSON text around the two fields every copy sets itself.
const templates = makeUsers(TEMPLATES, 20260512, spec).map((user) => {
  const lean = Object.fromEntries(required.map((key) => [key, user[key]]));
  Object.assign(lean, { phone_numbers: [], external_accounts: [], primary_phone_number_id: null });
  const text = JSON.stringify({ ...lean, id: "@@ID@@", created_at: "@@AT@@" });
  const [beforeId, rest] = text.split('"@@ID@@"');
  const [between, after] = rest.split('"@@AT@@"');
  return { beforeId, between, after };
});
const idOf = (row) => `user_${String(row + 1).padStart(9, "0")}`;
const rowOf = new Map(Array.from({ length: COUNT }, (_, row) => [idOf(row), row])); // the index on id
const userJson = (row) => {
  const t = templates[row % TEMPLATES];
  return `${t.beforeId}"${idOf(row)}"${t.between}${FIRST_CREATED_AT + row * 1000}${t.after}`;
};

let stats;
const reset = () => (stats = { requests: 0, byOffset: 0, byCursor: 0, costMs: 0 });
reset();

/** The rows of one page (row 0 is the oldest user), and what finding them costs. */
function page(query) {
  const newestFirst = (query.get("order_by") ?? "-created_at") === "-created_at";
  const limit = Number(query.get("limit") ?? 10);
  const cursor = query.get("starting_after");
  let start; // position in the requested order
  let costMs = BASE_MS;
  if (cursor !== null) {
    const row = rowOf.get(cursor);
    if (row === undefined) return { status: 422 };
    start = (newestFirst ? COUNT - 1 - row : row) + 1;
    stats.byCursor++;
  } else {
    start = Number(query.get("offset") ?? 0);
    costMs += start * PER_ROW_MS;
    if (query.has("offset")) stats.byOffset++; // a cursor walk's first page sends neither
  }
  const rows = [];
  for (let at = start; at < Math.min(start + limit, COUNT); at++) rows.push(newestFirst ? COUNT - 1 - at : at);
  return { status: 200, rows, costMs };
}

const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", async () => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (url.pathname === "/reset") return (reset(), res.end("{}"));
    if (url.pathname === "/stats") return res.end(JSON.stringify(stats));
    stats.requests++;
    const answer = page(url.searchParams);
    if (answer.status !== 200) return res.writeHead(answer.status).end();
    stats.costMs += answer.costMs;
    await sleep(answer.costMs);
    const body = `[${answer.rows.map(userJson).join(",")}]`;
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () =>
  process.stdout.write(`${JSON.stringify({ port: server.address().port, baseMs: BASE_MS, perRowMs: PER_ROW_MS })}\n`),
);
process.stdin.on("end", () => server.close(() => process.exit(0)));
process.stdin.resume();
