import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "auth",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/auth/**/*.test.ts"],
    // test/auth/workerd/ runs in workerd (project auth-workerd), not in Node.
    exclude: ["test/auth/workerd/**"],
    environment: "node",
    testTimeout: 30_000,
  },
});
