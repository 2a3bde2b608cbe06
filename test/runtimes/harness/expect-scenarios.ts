import { expect, inject, it } from "vitest";
import type { FeatureName } from "./features.js";

export interface ScenarioResult {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly error?: string;
}

const RESULT_MARKER = "SMOKE_RESULTS ";

/** The results line a child runtime printed, or undefined. */
export function parseResults(stdout: string): ScenarioResult[] | undefined {
  const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARKER));
  return line === undefined ? undefined : (JSON.parse(line.slice(RESULT_MARKER.length)) as ScenarioResult[]);
}

/**
 * One test per scenario of every feature. Features the package does not export
 * yet become skipped tests whose title says so; a scenario missing from the
 * runtime's report fails with the runtime's output.
 */
export function scenarioTests(runtime: string, results: () => { results?: ScenarioResult[]; output: string }) {
  const { prepared, scenarios } = inject("smoke");
  for (const feature of Object.keys(scenarios) as FeatureName[]) {
    for (const name of scenarios[feature]) {
      if (!prepared.features.includes(feature)) {
        it.skip(`${name} — skipped: ${prepared.missing[feature]}`, () => {});
        continue;
      }
      it(name, () => {
        const run = results();
        const result = run.results?.find((r) => r.name === name);
        if (result === undefined) expect.fail(`${runtime} did not report "${name}". Output:\n${run.output}`);
        if (!result.ok) expect.fail(`${runtime}: ${result.error}`);
      });
    }
  }
}
