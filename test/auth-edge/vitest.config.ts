import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// The authenticateRequest suite again, with the edge-runtime globals (WebCrypto,
// fetch, Request, Headers) that Vercel Edge and similar runtimes provide.
export default defineProject({
  test: {
    name: "auth-edge",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/auth/request/**/*.test.ts"],
    environment: "edge-runtime",
    testTimeout: 30_000,
  },
});
