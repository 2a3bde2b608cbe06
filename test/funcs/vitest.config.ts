import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// Generated operation functions called against a real node:http server, plus
// the shape of the clerk-fn/funcs barrel.
export default defineProject({
  test: {
    name: "funcs",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/funcs/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
