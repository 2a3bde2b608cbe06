import { defineProject } from "vitest/config";

// Contract conformance against Prism: one Prism pair per run (globalSetup),
// many calls in flight inside one file (describe.concurrent).
export default defineProject({
  test: {
    name: "contract",
    root: new URL(".", import.meta.url).pathname,
    include: ["**/*.test.ts"],
    globalSetup: ["./global-setup.ts"],
    maxConcurrency: 12,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
