// Runs in the workerd pool; the scenario itself runs in an auxiliary Worker without
// nodejs_compat (see test/testing-workerd/vitest.config.ts).
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const worker = (env as unknown as Record<"FAKE_WORKER", { fetch(input: string): Promise<Response> }>).FAKE_WORKER;

describe("clerk-fn/testing in workerd (no nodejs_compat)", () => {
  it("serves the directory scenario in-process, answers clerk-fn's functions, signs tokens and webhooks", async () => {
    const report = (await (await worker.fetch("http://fake.test/")).json()) as {
      ok: boolean;
      error?: string;
      steps?: string[];
      users?: unknown;
      part2?: unknown;
    };
    expect(report.error).toBeUndefined();
    expect(report.ok).toBe(true);
    expect(report.steps).toHaveLength(6);
    expect(report.users).toEqual(["Ada", "Alan"]);
    // Session tokens signed in workerd verify with the PEM key and the JWKS, a rotated key
    // refuses them, and a webhook delivery verifies with clerk-fn/webhooks.
    expect(report.part2).toEqual({
      viaPem: true,
      viaJwks: true,
      afterRotation: "jwk-kid-mismatch",
      webhook: "user.created",
    });
  });
});
