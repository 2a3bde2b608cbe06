// Runs every scenario whose feature the package exports and reports one JSON line.
import { apiScenarios } from "./api.mjs";
import { authScenarios } from "./auth.mjs";
import { webhookScenarios } from "./webhooks.mjs";

export const RESULT_MARKER = "SMOKE_RESULTS ";

/** `lib` maps feature name ("api" | "auth" | "webhooks") to the imported functions. */
export async function runScenarios(lib, fx) {
  const scenarios = {
    ...(lib.api ? apiScenarios(lib.api, fx) : {}),
    ...(lib.auth ? authScenarios(lib.auth, fx) : {}),
    ...(lib.webhooks ? webhookScenarios(lib.webhooks, fx) : {}),
  };
  const results = [];
  for (const [name, scenario] of Object.entries(scenarios)) {
    const started = Date.now();
    try {
      await scenario();
      results.push({ name, ok: true, ms: Date.now() - started });
    } catch (error) {
      results.push({
        name,
        ok: false,
        ms: Date.now() - started,
        error: String(error && error.stack ? error.stack : error),
      });
    }
  }
  return results;
}
