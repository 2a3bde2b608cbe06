import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// The webhooks suite again, with the edge-runtime globals (WebCrypto, Request,
// TextEncoder, atob...) that Vercel Edge and similar runtimes provide.
export default defineProject({
  test: {
    name: "webhooks-edge",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/webhooks/**/*.test.ts"],
    environment: "edge-runtime",
    testTimeout: 30_000,
  },
});
