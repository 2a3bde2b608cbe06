import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// Bulk jobs: paginate/collect walking list operations, the core-wide rate limit
// and the shared 429 pause, against a Clerk-like node:http server on 127.0.0.1
// (simulated time), plus a distributed limiter over a real redis-server.
export default defineProject({
  test: {
    name: "paginate",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/paginate/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    typecheck: {
      enabled: true,
      include: ["test/paginate/**/*.test-d.ts"],
      tsconfig: "test/paginate/tsconfig.json",
    },
  },
});
