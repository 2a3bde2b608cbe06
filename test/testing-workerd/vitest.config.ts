import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineProject } from "vitest/config";

// clerk-fn/testing in workerd: test/testing/workerd-setup.ts bundles the fake and its
// scenario into one module, served by an auxiliary Worker without nodejs_compat (so a
// stray node: import would fail to load).
export default defineProject({
  plugins: [
    cloudflareTest(({ inject }) => {
      const bundle = inject("fakeWorkerBundle");
      return {
        miniflare: {
          compatibilityDate: "2026-07-01",
          compatibilityFlags: ["nodejs_compat"],
          serviceBindings: { FAKE_WORKER: "clerk-fn-fake" },
          workers: [
            {
              name: "clerk-fn-fake",
              modules: true,
              scriptPath: bundle,
              modulesRoot: dirname(bundle),
              compatibilityDate: "2026-07-01",
              compatibilityFlags: [],
            },
          ],
        },
      };
    }),
  ],
  test: {
    name: "testing-workerd",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/testing/workerd/*.test.ts"],
    globalSetup: ["test/testing/workerd-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
