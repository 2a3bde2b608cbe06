import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// Runtime suite: the request interpreter against real node:http servers on
// 127.0.0.1, plus type tests (*.test-d.ts) checked by tsc through vitest.
export default defineProject({
  test: {
    name: "runtime",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/runtime/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    typecheck: {
      enabled: true,
      include: ["test/runtime/**/*.test-d.ts"],
      tsconfig: "test/runtime/tsconfig.json",
    },
  },
});
