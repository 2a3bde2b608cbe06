import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { scenarioTests, type ScenarioResult } from "../harness/expect-scenarios.js";

interface SmokeWorker {
  fetch(input: string, init: RequestInit): Promise<Response>;
}

interface WorkerReport {
  results: ScenarioResult[];
  globals: { process: string; Buffer: string };
}

const bindings = env as unknown as Record<"PLAIN_WORKER" | "NODE_COMPAT_WORKER" | "OLD_DATE_WORKER", SmokeWorker>;

// The scenarios run in auxiliary Workers (see test/runtimes-workerd/vitest.config.ts).
for (const [title, binding, nodeGlobals] of [
  ["workerd without nodejs_compat", "PLAIN_WORKER", "undefined"],
  ["workerd with nodejs_compat", "NODE_COMPAT_WORKER", "object"],
  ["workerd, compatibility date 2023-01-01, no flags", "OLD_DATE_WORKER", "undefined"],
] as const) {
  describe(title, () => {
    let report: WorkerReport | undefined;
    let output = "not run";
    beforeAll(async () => {
      const { fixtures } = inject("smoke");
      const body = JSON.stringify({ ...fixtures, runtime: binding.toLowerCase() });
      const response = await bindings[binding].fetch("http://smoke.test/", { method: "POST", body });
      output = `${response.status}: ${await response.clone().text()}`;
      if (response.ok) report = (await response.json()) as WorkerReport;
    });

    it(`the Worker's compatibility flags are in effect (process is ${nodeGlobals})`, () => {
      expect(report?.globals.process, output).toBe(nodeGlobals);
    });
    scenarioTests(title, () => ({ results: report?.results, output }));
  });
}
