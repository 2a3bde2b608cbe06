// One worker process of the distributed rate-limit test: a ClerkCore whose
// rateLimit is the Redis-backed limiter, sending `calls` usersList calls, four
// at a time, as fast as the limiter allows. Prints how many succeeded.
//   tsx redis-worker.ts <serverUrl> <redis url or unix socket path> <key> <requests> <perMs> <calls>
import { Redis } from "ioredis";
import { ClerkCore } from "../../../src/core.js";
import { usersList } from "../../../src/funcs/usersList.js";
import { redisLimiter } from "./redis-limiter.js";

const [serverUrl, redisAt, key, requests, perMs, calls] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
];
const redis = redisAt.startsWith("redis://") ? new Redis(redisAt) : new Redis({ path: redisAt });
const clerk = new ClerkCore({
  serverUrl,
  bearerAuth: "sk_test_worker",
  rateLimit: redisLimiter(redis, key, Number(requests), Number(perMs)),
});

let next = 0;
let succeeded = 0;
const loop = async () => {
  while (next++ < Number(calls)) if ((await usersList(clerk, { limit: 1 })).ok) succeeded++;
};
await Promise.all([loop(), loop(), loop(), loop()]);
process.stdout.write(`${JSON.stringify({ succeeded })}\n`);
redis.disconnect();
