import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** The spec the suite checks against: CLERK_OPENAPI_SPEC, else the shared copy next to the repo. */
export function specPath(): string {
  return process.env.CLERK_OPENAPI_SPEC || resolve(REPO, "../shared/openapi/bapi-2026-05-12.yml");
}

/** Why the suite cannot run here, or undefined. Throws in CI, where it must run. */
export function skipReason(): string | undefined {
  const path = specPath();
  if (existsSync(path)) return undefined;
  const missing = `OpenAPI spec not found at ${path} (set CLERK_OPENAPI_SPEC)`;
  if (process.env.CI === "true" || process.env.CI === "1")
    throw new Error(`contract suite cannot run in CI: ${missing}`);
  return `contract suite skipped: ${missing}`;
}
