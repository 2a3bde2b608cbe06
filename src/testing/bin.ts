#!/usr/bin/env node
// clerk-fn-fake: starts the Clerk fake on 127.0.0.1 and prints its URL and secret key.
//   npx clerk-fn-fake [--port 4010] [--host 127.0.0.1] [--secret-key sk_test_...] [--seed seed.json]
import { readFileSync } from "node:fs";
import { createClerkFake } from "./fake.js";
import { listen } from "./listen.js";
import type { Seed } from "./seed.js";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const seedFile = option("seed");
  const seed = seedFile ? (JSON.parse(readFileSync(seedFile, "utf8")) as Seed) : undefined;
  const secretKey = option("secret-key") ?? process.env["CLERK_FAKE_SECRET_KEY"];
  const fake = createClerkFake({ ...(seed ? { seed } : {}), ...(secretKey ? { secretKey } : {}) });
  const server = await listen(fake, { port: Number(option("port") ?? 0), host: option("host") ?? "127.0.0.1" });
  // The key is printed on purpose: it is the fake's own, made up for this process.
  console.log(`clerk-fn fake listening at ${server.url}`);
  console.log(`secret key: ${fake.secretKey}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

// No top-level await: the same file is also built as CommonJS.
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
