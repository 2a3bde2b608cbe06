import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// The code generator: golden snapshots on small fixture specs, behaviour of the
// code it emits, determinism, and the committed output matching the real spec.
export default defineProject({
  test: {
    name: "codegen",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/codegen/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
  },
});
