// workerd entry (bundled): POST the fixtures, get the results as JSON.
import { lib } from "./lib.mjs";
import { runScenarios } from "./run.mjs";

export default {
  async fetch(request) {
    const fixtures = await request.json();
    return Response.json(await runScenarios(lib, fixtures));
  },
};
