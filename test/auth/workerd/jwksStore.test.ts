// Runs in the workerd pool; the bursts run in two auxiliary Workers (two
// isolates) that share only caches.default (see test/auth-workerd/vitest.config.ts).
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";

type Fetcher = { fetch(input: string, init?: RequestInit): Promise<Response> };
const isolates = env as unknown as Record<"ISOLATE_A" | "ISOLATE_B", Fetcher>;

describe("the JWKS store on the Cache API, in workerd", () => {
  it("two isolates' worth of cold requests (2 x 50, concurrent within each) make one JWKS request", async () => {
    const { serverUrl, secretKey, tokenA, tokenB } = inject("authWorkerd");
    const burst = async (isolate: Fetcher, token: string) =>
      (await (
        await isolate.fetch("http://isolate.test/", {
          method: "POST",
          body: JSON.stringify({ serverUrl, secretKey, token, n: 50 }),
        })
      ).json()) as {
        signedIn: number;
        reasons: unknown[];
      };
    expect(await burst(isolates.ISOLATE_A, tokenA)).toEqual({ signedIn: 50, reasons: [null] });
    expect(await burst(isolates.ISOLATE_B, tokenB)).toEqual({ signedIn: 50, reasons: [null] });
    const count = (await (
      await isolates.ISOLATE_A.fetch(
        `http://isolate.test/count?url=${encodeURIComponent(serverUrl.replace(/\/v1$/, "/count"))}`,
      )
    ).json()) as { jwks: number };
    expect(count.jwks).toBe(1);
  });
});
