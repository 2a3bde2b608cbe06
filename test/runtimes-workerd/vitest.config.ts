import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineProject } from "vitest/config";
import type { SmokeContext } from "../runtimes/harness/global-setup.js";

// The packed clerk-fn, bundled as a Worker would be, in workerd. The vitest runner
// worker always has Node compatibility (the pool needs it), so the scenarios run in
// two auxiliary Workers that the test calls through service bindings: one with
// `nodejs_compat`, one without. The date is before 2026-08-04, when nodejs_compat
// becomes the default, so "without" really means without.
const COMPATIBILITY_DATE = "2026-07-01";
const OLDEST_SUPPORTED_DATE = "2023-01-01";

export default defineProject({
  plugins: [
    cloudflareTest(({ inject }) => {
      const smoke = inject<SmokeContext>("smoke");
      const worker = (name: string, compatibilityFlags: string[], compatibilityDate = COMPATIBILITY_DATE) => ({
        name,
        modules: true,
        scriptPath: smoke.bundles.worker,
        // The bundle lives outside the repository; module names are relative to this.
        modulesRoot: dirname(smoke.bundles.worker),
        compatibilityDate,
        compatibilityFlags,
      });
      return {
        miniflare: {
          compatibilityDate: COMPATIBILITY_DATE,
          compatibilityFlags: ["nodejs_compat"],
          serviceBindings: {
            PLAIN_WORKER: "smoke-plain",
            NODE_COMPAT_WORKER: "smoke-nodejs-compat",
            OLD_DATE_WORKER: "smoke-old-date",
          },
          workers: [
            worker("smoke-plain", []),
            worker("smoke-nodejs-compat", ["nodejs_compat"]),
            // The oldest compatibility date the README promises.
            worker("smoke-old-date", [], OLDEST_SUPPORTED_DATE),
          ],
        },
      };
    }),
  ],
  test: {
    name: "runtimes-workerd",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/runtimes/workerd/*.test.ts"],
    globalSetup: ["test/runtimes/harness/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
