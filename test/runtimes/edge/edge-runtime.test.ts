import { readFileSync } from "node:fs";
import { EdgeVM } from "@edge-runtime/vm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { scenarioTests, type ScenarioResult } from "../harness/expect-scenarios.js";

interface EdgeBundle {
  lib: unknown;
  runScenarios(lib: unknown, fixtures: unknown): Promise<ScenarioResult[]>;
}

// Vercel Edge Functions are always bundled (edge-light condition); both runs use
// that bundle of the packed package.

describe("Vercel Edge: vitest edge-runtime environment", () => {
  let run: { results?: ScenarioResult[]; output: string } = { output: "not run" };
  beforeAll(async () => {
    const { fixtures, bundles } = inject("smoke");
    const bundle = (await import(/* @vite-ignore */ bundles.edge)) as EdgeBundle;
    const results = await bundle.runScenarios(bundle.lib, { ...fixtures, runtime: "edge-env" });
    run = { results, output: JSON.stringify(results) };
  });
  scenarioTests("edge-runtime environment", () => run);
});

describe("Vercel Edge: EdgeVM sandbox (no Node globals)", () => {
  let run: { results?: ScenarioResult[]; output: string } = { output: "not run" };
  let sandboxGlobals: unknown;
  beforeAll(async () => {
    const { fixtures, bundles } = inject("smoke");
    const vm = new EdgeVM();
    vm.evaluate(readFileSync(bundles.edgeScript, "utf8"));
    sandboxGlobals = vm.evaluate("({ process: typeof process, require: typeof require, Buffer: typeof Buffer })");
    const fx = JSON.stringify({ ...fixtures, runtime: "edge-vm" });
    // JSON round trip: results cross the sandbox border as plain data.
    const results = JSON.parse(
      await vm.evaluate<Promise<string>>(
        `clerkFnSmoke.runScenarios(clerkFnSmoke.lib, ${fx}).then((r) => JSON.stringify(r))`,
      ),
    ) as ScenarioResult[];
    run = { results, output: JSON.stringify(results) };
  });
  it("the sandbox has no process, require or Buffer", () => {
    expect(sandboxGlobals).toEqual({ process: "undefined", require: "undefined", Buffer: "undefined" });
  });
  scenarioTests("EdgeVM", () => run);
});
