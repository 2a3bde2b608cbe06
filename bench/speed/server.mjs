// The HTTP side of the per-call benchmark, in its own process so it does not
// share the client's event loop: a node:http server on 127.0.0.1 (ephemeral
// port) that answers every request with the same EmailAddress body. Prints the
// port, exits when its parent closes stdin.
import http from "node:http";
import { fixtures } from "./fixtures.mjs";

const f = fixtures();
const email = Buffer.from(f.emailAddressJson);
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": email.length });
    res.end(email);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
process.stdin.on("end", () => server.close(() => process.exit(0)));
process.stdin.resume();
