// A Worker that runs the fake's scenario inside workerd: the fake in-process through
// fake.fetch, once with plain fetch calls and once through clerk-fn's own functions.
// Bundled to one .mjs by ../workerd-setup.ts (workerd needs a bundled module).
import { ClerkCore } from "../../../src/core.js";
import { usersList } from "../../../src/funcs/usersList.js";
import { createClerkFake } from "../../../src/testing/index.js";
import { directoryScenario } from "../support/http-scenario.js";

async function run(): Promise<Record<string, unknown>> {
  const fake = createClerkFake();
  const steps = await directoryScenario(fake, fake.fetch, fake.serverUrl);
  const core = new ClerkCore({ bearerAuth: fake.secretKey, serverUrl: fake.serverUrl, fetch: fake.fetch });
  const listed = await usersList(core, { orderBy: "first_name" });
  return { steps, users: listed.ok ? listed.value.map((u) => u.firstName) : String(listed.error) };
}

export default {
  async fetch(): Promise<Response> {
    try {
      return Response.json({ ok: true, ...(await run()) });
    } catch (error) {
      return Response.json({ ok: false, error: String(error) });
    }
  },
};
