import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// clerk-fn/testing (the in-process Clerk fake): scenarios through the public functions,
// in-process and over listen(), with every response body checked against Clerk's spec (Ajv).
export default defineProject({
  test: {
    name: "testing",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/testing/*.test.ts", "examples/testing/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
});
