// Generates the two spec-derived contenders into bench/.work (never committed):
// openapi-typescript's `paths` types for openapi-fetch, and a @hey-api/openapi-ts
// fetch client with its valibot plugin (request and response validators on).
// Skipped when the stamp says the spec and tool versions are unchanged.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { BENCH, SPEC, WORK } from "./paths.mjs";

const require = createRequire(path.join(BENCH, "package.json"));
export const OPENAPI_TS_DIR = path.join(WORK, "openapi-typescript");
export const HEY_API_DIR = path.join(WORK, "hey-api");

export async function generateContenders() {
  const spec = readFileSync(SPEC);
  const stamp = JSON.stringify({
    spec: createHash("sha256").update(spec).digest("hex"),
    openapiTypescript: require("openapi-typescript/package.json").version,
    heyApi: require("@hey-api/openapi-ts/package.json").version,
  });
  const stampFile = path.join(WORK, "generated.stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return;
  mkdirSync(OPENAPI_TS_DIR, { recursive: true });

  const cli = path.join(path.dirname(require.resolve("openapi-typescript/package.json")), "bin", "cli.js");
  execFileSync(process.execPath, [cli, SPEC, "-o", path.join(OPENAPI_TS_DIR, "schema.d.ts")], { stdio: "ignore" });

  const { createClient } = await import("@hey-api/openapi-ts");
  await createClient({
    input: SPEC,
    output: { path: HEY_API_DIR, postProcess: [] },
    logs: { level: "silent" },
    plugins: ["@hey-api/client-fetch", "valibot", { name: "@hey-api/sdk", validator: true }],
  });
  writeFileSync(stampFile, stamp);
}

if (import.meta.url === `file://${process.argv[1]}`) await generateContenders();
