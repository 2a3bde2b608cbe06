import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// Generated operation functions called against a real node:http server, plus
// the shape of the clerk-fn/funcs barrel, plus type tests (*.test-d.ts) checked
// by tsc through vitest (every function's error union).
export default defineProject({
  test: {
    name: "funcs",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/funcs/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    typecheck: {
      enabled: true,
      include: ["test/funcs/**/*.test-d.ts"],
      tsconfig: "test/funcs/tsconfig.json",
    },
  },
});
