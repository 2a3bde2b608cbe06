// globalSetup of the testing-workerd project: bundles workerd/worker.ts (the fake, the
// scenario and clerk-fn's functions) into one .mjs for workerd, as a Worker build would.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    fakeWorkerBundle: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "clerk-fn-fake-workerd-"));
  const outfile = join(dir, "worker.mjs");
  await build({
    entryPoints: [fileURLToPath(new URL("./workerd/worker.ts", import.meta.url))],
    outfile,
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    logLevel: "warning",
  });
  project.provide("fakeWorkerBundle", outfile);
  return () => rmSync(dir, { recursive: true, force: true });
}
