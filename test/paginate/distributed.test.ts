// One rate limit shared by two processes through a real redis-server: two
// worker processes, each a ClerkCore whose rateLimit is the Redis-backed
// limiter of docs/pagination.md, send as fast as it lets them to one
// Clerk-like server. Their combined rate must stay within the limit.
// Real time here: the limit lives in Redis, outside any fake clock.
//
// Redis: $REDIS_URL if set, else a redis-server started here (Debian package
// `redis-server`). Without either the test is skipped locally and fails in CI.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { startClerkServer } from "./support/clerk-server.js";

const IN_CI = process.env.CI === "true" || process.env.CI === "1";
const LIMIT = { requests: 20, perMs: 1_000 };
const CALLS_PER_WORKER = 25;

interface RedisHandle {
  /** redis:// URL or unix socket path, as the worker takes it. */
  readonly at: string;
  stop(): void;
}

function startRedis(): Promise<RedisHandle | undefined> {
  if (process.env.REDIS_URL) return Promise.resolve({ at: process.env.REDIS_URL, stop: () => {} });
  if (spawnSync("redis-server", ["--version"]).status !== 0) return Promise.resolve(undefined);
  // A private server on a unix socket: no port to collide with, nothing left behind.
  const dir = mkdtempSync(join(tmpdir(), "clerk-fn-redis-"));
  const socket = join(dir, "redis.sock");
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", "0", "--unixsocket", socket, "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: "ignore" },
  );
  const stop = () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  // Ready once the socket accepts a connection (its log may sit in a pipe buffer).
  return new Promise((resolve, reject) => {
    let exited = false;
    child.on("exit", (code) => {
      exited = true;
      reject(new Error(`redis-server exited (${code})`));
    });
    const deadline = Date.now() + 20_000;
    const attempt = () => {
      if (exited) return;
      const probe = connect(socket);
      probe.once("connect", () => {
        probe.destroy();
        resolve({ at: socket, stop });
      });
      probe.once("error", () =>
        Date.now() > deadline ? reject(new Error("redis-server did not start within 20 s")) : setTimeout(attempt, 50),
      );
    };
    attempt();
  });
}

function runWorker(serverUrl: string, redisAt: string, key: string): Promise<{ succeeded: number }> {
  const tsx = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));
  const worker = fileURLToPath(new URL("./support/redis-worker.ts", import.meta.url));
  const child = spawn(
    process.execPath,
    [tsx, worker, serverUrl, redisAt, key, String(LIMIT.requests), String(LIMIT.perMs), String(CALLS_PER_WORKER)],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(stdout) as { succeeded: number })
        : reject(new Error(`worker exited ${code}: ${stderr}`)),
    );
  });
}

/** The most requests that arrived within any `perMs` window. */
function busiestWindow(times: number[], perMs: number): number {
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + perMs).length));
}

const redis = await startRedis();
afterAll(() => redis?.stop());

describe("rateLimit with a limiter shared through Redis", () => {
  if (!redis && !IN_CI) {
    it.skip("needs redis-server (apt-get install redis-server) or REDIS_URL", () => {});
    return;
  }

  it("two cores in two processes stay within one combined limit", { timeout: 60_000 }, async () => {
    if (!redis) throw new Error("CI needs redis-server (.ci/run installs and starts it) or REDIS_URL");
    const server = await startClerkServer({ limit: LIMIT });
    try {
      const key = `test-${process.pid}-${Date.now()}`;
      const results = await Promise.all([runWorker(server.url, redis.at, key), runWorker(server.url, redis.at, key)]);
      expect(results).toEqual([{ succeeded: CALLS_PER_WORKER }, { succeeded: CALLS_PER_WORKER }]);
      expect(server.served).toHaveLength(2 * CALLS_PER_WORKER);
      // Clerk's view: no 429 in its (fixed) windows, and no window of perMs, wherever it starts, over the limit.
      expect(server.refused()).toBe(0);
      expect(
        busiestWindow(
          server.served.map((s) => s.at),
          LIMIT.perMs,
        ),
      ).toBeLessThanOrEqual(LIMIT.requests);
    } finally {
      await server.close();
    }
  });
});
