import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// The packed clerk-fn, bundled for the edge-light condition (as Vercel's bundler
// does), with the @edge-runtime/vm globals that Vercel Edge Functions provide.
export default defineProject({
  test: {
    name: "runtimes-edge",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/runtimes/edge/*.test.ts"],
    environment: "edge-runtime",
    globalSetup: ["test/runtimes/harness/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
