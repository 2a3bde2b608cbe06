import { join } from "node:path";
import { beforeAll, describe, inject, it } from "vitest";
import { exec } from "./exec.js";
import { parseResults, scenarioTests, type ScenarioResult } from "./expect-scenarios.js";
import { repoRoot, scratchDir } from "./paths.js";

export interface ChildRuntime {
  /** Shown in test titles, and the fixtures' `runtime` (keeps server state apart). */
  readonly name: string;
  readonly command: string;
  /** Arguments before the fixtures JSON (entry path relative to the scratch project). */
  readonly args: readonly string[];
  /** A quick command proving the runtime starts here; failure means a visible skip. */
  readonly probe: readonly string[];
}

/** A binary installed by npm in the repository (deno, bun). */
export const repoBin = (name: string) => join(repoRoot, "node_modules", ".bin", name);

/**
 * Runs the shared scenarios in a separate runtime process against the stand-in,
 * one vitest test per scenario. A runtime that cannot start gets a skipped test
 * that says why, never a silent pass.
 */
export function childRuntimeSuite(runtime: ChildRuntime): void {
  describe(runtime.name, async () => {
    const probe = await exec(runtime.command, runtime.probe, { cwd: scratchDir, timeoutMs: 60_000 });
    if (probe.code !== 0) {
      const why = `${runtime.command} ${runtime.probe.join(" ")} failed: ${(probe.stderr || probe.stdout).trim().slice(0, 300)}`;
      console.warn(`[runtimes] SKIP ${runtime.name}: ${why}`);
      it.skip(`${runtime.name} cannot run here — ${why}`, () => {});
      return;
    }
    let run: { results?: ScenarioResult[]; output: string } = { output: "not run" };
    beforeAll(async () => {
      const { fixtures } = inject("smoke");
      const fx = JSON.stringify({ ...fixtures, runtime: runtime.name.replace(/\W+/g, "-"), nodeEntry: true });
      const child = await exec(runtime.command, [...runtime.args, fx], { cwd: scratchDir, timeoutMs: 90_000 });
      console.info(`[runtimes] ${runtime.name}: process ran ${Math.round(child.ms)} ms (exit ${child.code})`);
      run = {
        results: parseResults(child.stdout),
        output: `exit ${child.code}${child.timedOut ? " (timed out)" : ""} after ${Math.round(child.ms)} ms\n${child.stdout}\n${child.stderr}`,
      };
    }, 120_000);
    scenarioTests(runtime.name, () => run);
  });
}
