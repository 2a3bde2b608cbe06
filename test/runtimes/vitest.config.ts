import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// The packed package in separate runtime processes (Node ESM/CJS, Deno, Bun),
// plus bundler and type-resolution checks. workerd and edge-runtime have their
// own projects (test/runtimes-workerd, test/runtimes-edge) sharing this harness.
export default defineProject({
  test: {
    name: "runtimes",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/runtimes/*.test.ts"],
    environment: "node",
    globalSetup: ["test/runtimes/harness/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
