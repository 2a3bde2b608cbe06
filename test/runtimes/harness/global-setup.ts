import type { TestProject } from "vitest/node";
import { startClerkStandIn } from "./clerk-stand-in.js";
import { makeKeys, type SmokeFixtures } from "./fixtures.js";
import type { FeatureName } from "./features.js";
import { edgeBundle, edgeScript, workerBundle } from "./paths.js";
import { prepare, type Prepared } from "./prepare.js";

export interface SmokeContext {
  readonly prepared: Prepared;
  /** Fixtures without `runtime`; each runtime adds its own name. */
  readonly fixtures: Omit<SmokeFixtures, "runtime">;
  /** Scenario names per feature, so every runtime reports the same list. */
  readonly scenarios: Record<FeatureName, string[]>;
  /** Single-module bundles of the scenarios for workerd and edge runtimes. */
  readonly bundles: { readonly worker: string; readonly edge: string; readonly edgeScript: string };
}

declare module "vitest" {
  export interface ProvidedContext {
    smoke: SmokeContext;
  }
}

async function scenarioNames(): Promise<Record<FeatureName, string[]>> {
  const none = {} as never;
  const [{ apiScenarios }, { authScenarios }, { webhookScenarios }] = await Promise.all([
    import("../scenarios/api.mjs"),
    import("../scenarios/auth.mjs"),
    import("../scenarios/webhooks.mjs"),
  ]);
  return {
    api: Object.keys(apiScenarios(none, { runtime: "names" })),
    auth: Object.keys(authScenarios(none, none)),
    webhooks: Object.keys(webhookScenarios(none, none)),
  };
}

/** Packs and installs clerk-fn, then serves the Clerk stand-in for this project's tests. */
export default async function setup(project: TestProject) {
  const prepared = await prepare();
  const steps = Object.entries(prepared.timings).map(([step, ms]) => `${step} ${ms} ms`);
  console.info(`[runtimes] ${project.name}: ${steps.join(", ")}; features: ${prepared.features.join(", ") || "none"}`);
  const keys = await makeKeys();
  const standIn = await startClerkStandIn({ secretKey: keys.fixtures.secretKey, jwks: keys.jwks });
  project.provide("smoke", {
    prepared,
    fixtures: { ...keys.fixtures, serverUrl: standIn.url },
    scenarios: await scenarioNames(),
    bundles: { worker: workerBundle, edge: edgeBundle, edgeScript },
  });
  return () => standIn.close();
}
