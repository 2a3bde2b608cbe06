import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// clerk-fn/testing with the edge-runtime globals (WebCrypto, fetch, Request) of Vercel Edge.
export default defineProject({
  test: {
    name: "testing-edge",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/testing/edge/*.test.ts"],
    environment: "edge-runtime",
    testTimeout: 30_000,
  },
});
