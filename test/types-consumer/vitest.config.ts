import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// A consumer project compiled against the built package (run `npm run build`
// first): Clerk's global interfaces typing metadata, claims, roles and webhook
// events, with clerk-fn alone and beside @clerk/backend.
export default defineProject({
  test: {
    name: "types-consumer",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/types-consumer/*.test.ts"],
    environment: "node",
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
