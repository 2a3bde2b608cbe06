import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

/** A running Prism mock server. */
export interface PrismServer {
  readonly url: string;
  stop(): Promise<void>;
}

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const PRISM_BIN = resolve(REPO, "node_modules/.bin/prism");
const READY_TIMEOUT_MS = 60_000;

/** Asks the OS for a port that is free right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * Starts `prism mock` on 127.0.0.1 and waits until it answers HTTP. Static mode
 * answers the spec's examples; `dynamic` generates bodies from the schemas
 * (deterministic with a seed).
 */
export async function startPrism(spec: string, opts: { dynamic?: boolean; seed?: number } = {}): Promise<PrismServer> {
  // The free port may be taken between the probe and Prism's listen: try again on a new one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(spec, opts);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof PrismExitedError)) throw error;
    }
  }
}

class PrismExitedError extends Error {
  override name = "PrismExitedError";
}

async function startOnce(spec: string, opts: { dynamic?: boolean; seed?: number }): Promise<PrismServer> {
  const port = await freePort();
  const args = [PRISM_BIN, "mock", "-h", "127.0.0.1", "-p", String(port), "-v", "fatal"];
  if (opts.dynamic) args.push("-d", "--seed", String(opts.seed ?? 1));
  args.push(spec);
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, child, output);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { url, stop: () => stop(child) };
}

async function waitUntilReady(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new PrismExitedError(
        `Prism exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.join("")}`,
      );
    }
    try {
      // Prism's own 401 (no token) means the spec is loaded and routing; anything
      // else on this port is not our Prism.
      const res = await fetch(`${url}/jwks`, { signal: AbortSignal.timeout(2_000) });
      if ((await res.text()).includes("stoplight.io/prism")) return;
      throw new PrismExitedError(`something other than Prism answers on ${url}`);
    } catch (error) {
      if (error instanceof PrismExitedError) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Prism did not answer on ${url} within ${READY_TIMEOUT_MS} ms:\n${output.join("")}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(killer);
      done();
    });
    child.kill("SIGTERM");
  });
}
