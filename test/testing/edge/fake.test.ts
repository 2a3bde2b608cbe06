// clerk-fn/testing under the edge-runtime globals (Vercel Edge): the same scenario and a
// clerk-fn function call against fake.fetch, in-process.
import { describe, expect, it } from "vitest";
import { authenticateRequest } from "../../../src/auth/index.js";
import { ClerkCore } from "../../../src/core.js";
import { usersList } from "../../../src/funcs/usersList.js";
import { createClerkFake } from "../../../src/testing/index.js";
import { directoryScenario } from "../support/http-scenario.js";

describe("clerk-fn/testing in edge-runtime", () => {
  it("runs the directory scenario in-process and answers clerk-fn's functions", async () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe("string");
    const fake = createClerkFake();
    expect(await directoryScenario(fake, fake.fetch, fake.serverUrl)).toHaveLength(6);
    const core = new ClerkCore({ bearerAuth: fake.secretKey, serverUrl: fake.serverUrl, fetch: fake.fetch });
    const listed = await usersList(core, { orderBy: "first_name" });
    expect(listed.ok && listed.value.map((u) => u.firstName)).toEqual(["Ada", "Alan"]);
  });

  it("signs session tokens that verify with the PEM key and through the fake's JWKS", async () => {
    const fake = createClerkFake();
    const token = await fake.signSessionToken({ userId: "user_edge" });
    const request = new Request("https://api.example.com", { headers: { authorization: `Bearer ${token}` } });
    expect((await authenticateRequest(request, { jwtKey: fake.jwtKey })).toAuth()).toMatchObject({
      userId: "user_edge",
    });
    expect(
      (await authenticateRequest(request, { secretKey: fake.secretKey, serverUrl: fake.serverUrl, fetch: fake.fetch }))
        .reason,
    ).toBeNull();
  });
});
