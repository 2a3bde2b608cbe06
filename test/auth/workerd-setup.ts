// globalSetup of the auth-workerd project: a real node:http stand-in for Clerk
// (counting JWKS requests, reporting the count at GET /count), tokens signed
// with a fresh key, and worker.ts bundled into one .mjs as a Worker build would.
import type { TestProject } from "vitest/node";
import { bundleWorker } from "../support/worker-bundle.js";
import { FakeClerk } from "./support/clerk-server.js";
import { freshSecretKey, jwksReply } from "./support/fixtures.js";
import { makeKey, nowSeconds, sessionClaims, signToken } from "./support/keys.js";

declare module "vitest" {
  export interface ProvidedContext {
    authWorkerBundle: string;
    authWorkerd: { serverUrl: string; secretKey: string; tokenA: string; tokenB: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { outfile, remove } = await bundleWorker(new URL("./workerd/worker.ts", import.meta.url), "auth-workerd");
  const [keyA, keyB] = await Promise.all([makeKey(), makeKey()]);
  const clerk = new FakeClerk();
  await clerk.start();
  clerk.routes["GET /v1/jwks"] = () => jwksReply(keyA, keyB);
  clerk.routes["GET /count"] = () => ({ status: 200, body: { jwks: clerk.count("GET", "/v1/jwks") } });
  project.provide("authWorkerBundle", outfile);
  project.provide("authWorkerd", {
    serverUrl: clerk.serverUrl,
    secretKey: freshSecretKey(),
    // Signed before the whole run starts: valid for an hour, not the usual minute,
    // so a long run (or a slow machine) cannot expire them before this test runs.
    tokenA: await signToken(keyA, sessionClaims({ exp: nowSeconds() + 3600 })),
    tokenB: await signToken(keyB, sessionClaims({ exp: nowSeconds() + 3600 })),
  });
  return async () => {
    await clerk.stop();
    remove();
  };
}
