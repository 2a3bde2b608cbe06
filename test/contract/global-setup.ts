import type { TestProject } from "vitest/node";
import { startPrism, type PrismServer } from "./prism.js";
import { skipReason, specPath } from "./spec-path.js";

declare module "vitest" {
  export interface ProvidedContext {
    contractSkip: string;
    prismStaticUrl: string;
    prismDynamicUrl: string;
  }
}

/** Starts one static and one dynamic Prism per run; stops both afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reason = skipReason();
  project.provide("contractSkip", reason ?? "");
  project.provide("prismStaticUrl", "");
  project.provide("prismDynamicUrl", "");
  if (reason) {
    console.warn(reason);
    return async () => {};
  }
  const spec = specPath();
  const started = await Promise.allSettled([startPrism(spec), startPrism(spec, { dynamic: true, seed: 1 })]);
  const servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const teardown = async () => {
    await Promise.all(servers.map((s: PrismServer) => s.stop()));
  };
  const failure = started.find((s) => s.status === "rejected");
  if (failure) {
    await teardown();
    throw (failure as PromiseRejectedResult).reason;
  }
  project.provide("prismStaticUrl", servers[0]!.url);
  project.provide("prismDynamicUrl", servers[1]!.url);
  return teardown;
}
