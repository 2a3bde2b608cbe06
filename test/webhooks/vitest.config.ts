import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "webhooks",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/webhooks/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
});
