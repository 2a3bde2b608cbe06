import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// clerk-fn/client (the grouped Clerk class) against a real node:http server,
// and its types (*.test-d.ts, checked by tsc through vitest).
export default defineProject({
  test: {
    name: "client",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/client/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    typecheck: {
      enabled: true,
      include: ["test/client/**/*.test-d.ts"],
      tsconfig: "test/client/tsconfig.json",
    },
  },
});
