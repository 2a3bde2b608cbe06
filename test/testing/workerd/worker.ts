// A Worker that runs the fake's scenario inside workerd: the fake in-process through
// fake.fetch, once with plain fetch calls and once through clerk-fn's own functions.
// Bundled to one .mjs by ../workerd-setup.ts (workerd needs a bundled module).
import { authenticateRequest } from "../../../src/auth/index.js";
import { ClerkCore } from "../../../src/core.js";
import { usersCreate } from "../../../src/funcs/usersCreate.js";
import { usersList } from "../../../src/funcs/usersList.js";
import { createClerkFake } from "../../../src/testing/index.js";
import { verifyWebhook } from "../../../src/webhooks/index.js";
import { directoryScenario } from "../support/http-scenario.js";

const SECRET = `whsec_${btoa("a test signing secret of 32 bytes")}`;

/** Part 2 in workerd: tokens signed with WebCrypto verify both ways; a delivery verifies. */
async function tokensAndWebhooks(): Promise<Record<string, unknown>> {
  const received: Request[] = [];
  const fake = createClerkFake({
    webhooks: { signingSecret: SECRET, deliver: (request) => (received.push(request), new Response("ok")) },
  });
  const core = new ClerkCore({ bearerAuth: fake.secretKey, serverUrl: fake.serverUrl, fetch: fake.fetch });
  const user = await usersCreate(core, { requestBody: { firstName: "Worker" } });
  const userId = user.ok ? user.value.id : "none";
  const token = await fake.signSessionToken({ userId });
  const request = new Request("https://api.example.com", { headers: { authorization: `Bearer ${token}` } });
  const viaPem = await authenticateRequest(request, { jwtKey: fake.jwtKey });
  const viaJwks = await authenticateRequest(request, {
    secretKey: fake.secretKey,
    serverUrl: fake.serverUrl,
    fetch: fake.fetch,
  });
  await fake.rotateKeys();
  const afterRotation = await authenticateRequest(request, {
    secretKey: fake.secretKey,
    serverUrl: fake.serverUrl,
    fetch: fake.fetch,
    skipJwksCache: true,
  });
  const delivery = received[0] ? await verifyWebhook(received[0], { signingSecret: SECRET }) : undefined;
  return {
    viaPem: viaPem.reason ?? viaPem.toAuth().userId === userId,
    viaJwks: viaJwks.reason ?? viaJwks.toAuth().userId === userId,
    afterRotation: afterRotation.reason,
    webhook: delivery?.ok ? delivery.value.type : String(delivery?.error),
  };
}

async function run(): Promise<Record<string, unknown>> {
  const fake = createClerkFake();
  const steps = await directoryScenario(fake, fake.fetch, fake.serverUrl);
  const core = new ClerkCore({ bearerAuth: fake.secretKey, serverUrl: fake.serverUrl, fetch: fake.fetch });
  const listed = await usersList(core, { orderBy: "first_name" });
  return {
    steps,
    users: listed.ok ? listed.value.map((u) => u.firstName) : String(listed.error),
    part2: await tokensAndWebhooks(),
  };
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
