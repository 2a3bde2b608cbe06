// globalSetup of the testing-workerd project: bundles workerd/worker.ts (the fake, the
// scenario and clerk-fn's functions) into one .mjs for workerd, as a Worker build would.
import type { TestProject } from "vitest/node";
import { bundleWorker } from "../support/worker-bundle.js";

declare module "vitest" {
  export interface ProvidedContext {
    fakeWorkerBundle: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const { outfile, remove } = await bundleWorker(new URL("./workerd/worker.ts", import.meta.url), "fake-workerd");
  project.provide("fakeWorkerBundle", outfile);
  return remove;
}
