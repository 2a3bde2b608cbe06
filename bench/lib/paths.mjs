// Where things are. Everything bench writes goes under bench/.work (git-ignored).
import { fileURLToPath } from "node:url";
import path from "node:path";

export const BENCH = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const ROOT = path.dirname(BENCH);
export const WORK = path.join(BENCH, ".work");
export const SRC = path.join(ROOT, "src");
export const SPEC = process.env.CLERK_OPENAPI_SPEC ?? findSpec();

function findSpec() {
  // The spec lives in shared/ beside the checkout (/work/shared for a session, a copy beside the CI clone).
  const candidates = [
    path.join(ROOT, "..", "shared", "openapi", "bapi-2026-05-12.yml"),
    "/work/shared/openapi/bapi-2026-05-12.yml",
  ];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}
import { existsSync } from "node:fs";
