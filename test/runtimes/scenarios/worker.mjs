// workerd entry (bundled): POST the fixtures, get the results as JSON, plus which
// Node globals this Worker has, so the test can prove its compatibility flags took effect.
import { lib } from "./lib.mjs";
import { runScenarios } from "./run.mjs";

export default {
  async fetch(request) {
    const fixtures = await request.json();
    const results = await runScenarios(lib, fixtures);
    return Response.json({
      results,
      globals: { process: typeof globalThis.process, Buffer: typeof globalThis.Buffer },
    });
  },
};
