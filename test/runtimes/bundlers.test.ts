import { EdgeVM } from "@edge-runtime/vm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { esbuildBundle, esbuildNodeBundle, rolldownBundler, rollupBundle, type Bundler } from "./harness/bundlers.js";
import { scenarioTests, type ScenarioResult } from "./harness/expect-scenarios.js";

const { prepared } = inject("smoke");
const rolldown = await rolldownBundler();
const bundlers: [string, Bundler | null][] = [
  ["esbuild", esbuildBundle],
  ["rollup", rollupBundle],
  ["rolldown (Vite 8)", rolldown],
];

// Strings only a bundle that kept other operations or the auth code would contain.
const FOREIGN = ["/organizations/{organization_id}", "/email_addresses/{email_address_id}", "compactVerify"];

for (const [name, bundle] of bundlers) {
  describe(`${name}, browser/worker platform`, () => {
    if (bundle === null) {
      console.warn(`[runtimes] SKIP ${name}: the package is not installed`);
      it.skip(`${name} — skipped: not installed`, () => {});
      return;
    }

    let code = "";
    let run: { results?: ScenarioResult[]; output: string } = { output: "not run" };
    beforeAll(async () => {
      code = await bundle("smoke/edge.mjs", { minify: false });
      // Run the bundle where neither process nor require exists.
      const vm = new EdgeVM();
      vm.evaluate(code);
      const fx = JSON.stringify({ ...inject("smoke").fixtures, runtime: name.replace(/\W+/g, "-") });
      const json = await vm.evaluate<Promise<string>>(
        `clerkFnSmoke.runScenarios(clerkFnSmoke.lib, ${fx}).then((r) => JSON.stringify(r))`,
      );
      run = { results: JSON.parse(json) as ScenarioResult[], output: json };
    });

    it("needs no Node built-ins and no process.env", () => {
      expect(code).not.toMatch(/\bprocess\.env\b|\brequire\(|["']node:/);
    });

    it("leaves out Node's inspect view of errors (the package's node condition)", () => {
      // The scenarios (run below) check the errors have no view; this, that its code is not there.
      expect(code).toContain("ClerkFnError");
      expect(code).not.toContain("inspectSafely");
    });

    it.skipIf(!prepared.features.includes("api"))(
      "keeps only the imported operation (subpath and root barrel)",
      async () => {
        const viaSubpath = await bundle("smoke/one-function.mjs", { minify: true });
        const viaRoot = await bundle("smoke/one-function-root.mjs", { minify: true });
        for (const text of [viaSubpath, viaRoot]) {
          expect(text).toContain("/users/{user_id}");
          for (const foreign of FOREIGN) expect(text).not.toContain(foreign);
        }
        // The barrel may cost a little glue, never whole modules.
        expect(viaRoot.length).toBeLessThan(viaSubpath.length * 1.1 + 1024);
        console.info(
          `[runtimes] ${name}: usersGet + ClerkCore minified: ${viaSubpath.length} B via subpath, ${viaRoot.length} B via root`,
        );
      },
    );

    scenarioTests(`${name} bundle`, () => run);
  });
}

describe("esbuild, node platform", () => {
  it.skipIf(!prepared.features.includes("api"))(
    "keeps Node's inspect view: the node condition's entry, and its side-effect import, survive bundling",
    async () => {
      const code = await esbuildNodeBundle("smoke/one-function.mjs");
      expect(code).toContain("/users/{user_id}");
      expect(code).toContain("function inspectSafely(");
    },
  );
});
