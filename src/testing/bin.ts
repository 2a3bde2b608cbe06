#!/usr/bin/env node
// clerk-fn-fake: starts the Clerk fake on 127.0.0.1 and prints its URL and secret key.
//   npx clerk-fn-fake [--port 4010] [--host 127.0.0.1] [--secret-key sk_test_...] [--seed seed.json]
// Bad flags or a bad seed file print one line saying what is wrong, and the usage (exit 2).
import { readFileSync } from "node:fs";
import { createClerkFake } from "./fake.js";
import { listen } from "./listen.js";
import type { Seed } from "./seed.js";

const USAGE = `usage: clerk-fn-fake [--port <0-65535>] [--host <address>] [--secret-key <sk_test_...>] [--seed <file.json>]
  --port        port to listen on (default: a free one)
  --host        address to listen on (default: 127.0.0.1)
  --secret-key  the key the fake accepts (default: $CLERK_FAKE_SECRET_KEY, else a fresh sk_test_ key)
  --seed        a JSON file with { "users": [...], "organizations": [...] } to start with
  --help        print this`;

const FLAGS = new Set(["port", "host", "secret-key", "seed"]);

class UsageError extends Error {}

/** `--name value` and `--name=value` pairs; anything else is a UsageError. */
function parseFlags(args: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1];
    if (!match || name === undefined || !FLAGS.has(name)) throw new UsageError(`unknown argument: ${arg}`);
    const value = match[2] ?? args[++i];
    if (value === undefined || value === "" || (match[2] === undefined && value.startsWith("--")))
      throw new UsageError(`--${name} needs a value`);
    if (flags.has(name)) throw new UsageError(`--${name} is given twice`);
    flags.set(name, value);
  }
  return flags;
}

function readSeed(file: string): Seed {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the seed file ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  try {
    return JSON.parse(text) as Seed;
  } catch (error) {
    throw new UsageError(`the seed file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

async function main(args: readonly string[]): Promise<void> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const flags = parseFlags(args);
  const port = Number(flags.get("port") ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port must be a whole number from 0 to 65535, got ${flags.get("port")}`);
  const seedFile = flags.get("seed");
  const seed = seedFile === undefined ? undefined : readSeed(seedFile);
  const secretKey = flags.get("secret-key") ?? process.env["CLERK_FAKE_SECRET_KEY"];
  let fake;
  try {
    fake = createClerkFake({ ...(seed ? { seed } : {}), ...(secretKey ? { secretKey } : {}) });
  } catch (error) {
    throw new UsageError(`the seed is not valid: ${(error as Error).message}`);
  }
  const server = await listen(fake, { port, host: flags.get("host") ?? "127.0.0.1" });
  // The key is printed on purpose: it is the fake's own, made up for this process.
  console.log(`clerk-fn fake listening at ${server.url}`);
  console.log(`secret key: ${fake.secretKey}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

// No top-level await: the same file is also built as CommonJS.
main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`clerk-fn-fake: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  // Listening failed (port taken, address not available): one line, no stack.
  const code = (error as NodeJS.ErrnoException).code;
  console.error(`clerk-fn-fake: ${code ? `${code}: ` : ""}${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
