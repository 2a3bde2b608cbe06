import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// docs/migrating-from-clerk-backend.md: its mapping file against the real
// @clerk/backend on a 127.0.0.1 recording server, and the table rendered from it.
export default defineProject({
  test: {
    name: "migration",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/migration/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
  },
});
