import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineProject } from "vitest/config";

// The JWKS store in workerd: test/auth/workerd-setup.ts bundles worker.ts
// (authenticateRequest + cacheApiJwksStore) into one module and starts a real
// node:http stand-in for Clerk's JWKS endpoint. Two auxiliary Workers run that
// same module, so they are two isolates with their own memory that share only
// the Cache API (`caches.default`), as isolates in one Workers location do.
export default defineProject({
  plugins: [
    cloudflareTest(({ inject }) => {
      const bundle = inject("authWorkerBundle");
      const isolate = (name: string) => ({
        name,
        modules: true,
        scriptPath: bundle,
        modulesRoot: dirname(bundle),
        compatibilityDate: "2026-07-01",
        compatibilityFlags: [],
      });
      return {
        miniflare: {
          compatibilityDate: "2026-07-01",
          compatibilityFlags: ["nodejs_compat"],
          serviceBindings: { ISOLATE_A: "auth-isolate-a", ISOLATE_B: "auth-isolate-b" },
          workers: [isolate("auth-isolate-a"), isolate("auth-isolate-b")],
        },
      };
    }),
  ],
  test: {
    name: "auth-workerd",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/auth/workerd/*.test.ts"],
    globalSetup: ["test/auth/workerd-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
