import { describe, expect, inject, test } from "vitest";
import { freePort, startPrism } from "./prism.js";
import { specPath } from "./spec-path.js";

// The harness itself: the globalSetup's servers answer as Prism, and a server
// that is stopped frees its port.
describe.skipIf(!!inject("contractSkip"))("Prism harness", () => {
  test("static and dynamic servers from globalSetup answer with Prism's own 401 without a token", async () => {
    for (const url of [inject("prismStaticUrl"), inject("prismDynamicUrl")]) {
      const res = await fetch(`${url}/jwks`);
      expect(res.status).toBe(401);
      expect(await res.text()).toContain("stoplight.io/prism");
    }
  });

  test("startPrism serves the spec on a free port and stop() closes it", async () => {
    const prism = await startPrism(specPath());
    const res = await fetch(`${prism.url}/jwks`, { headers: { authorization: "Bearer sk_test_x" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty("keys");
    await prism.stop();
    await expect(fetch(`${prism.url}/jwks`)).rejects.toThrow();
  }, 90_000);

  test("freePort returns a port nothing listens on", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
