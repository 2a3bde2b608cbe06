import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate, type Generated } from "../../codegen/generate.js";
import { parseSpec } from "../../codegen/load.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const FIXTURES = join(ROOT, "test/codegen/fixtures");

export async function generateFixture(name: string, format = true): Promise<Generated> {
  const text = readFileSync(join(FIXTURES, `${name}.yml`), "utf8");
  return generate(parseSpec(`${name}.yml`, text), { sdkVersion: "0.0.0-test", format });
}

/**
 * Writes a fixture's output next to the real runtime (inside node_modules/.cache,
 * so `valibot` resolves) and returns the directory whose `src/` can be imported.
 */
export function materialize(name: string, files: Map<string, string>): string {
  const dir = join(ROOT, "node_modules/.cache/clerk-fn-codegen-test", name);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    if (path === "src/lib/defaults.ts" || !path.startsWith("src/")) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, "src"), { recursive: true });
  // The real runtime, so the emitted code is checked and run against it.
  for (const f of ["lib", "types", "errors", "retries", "core.ts"])
    symlinkSync(join(ROOT, "src", f), join(dir, "src", f));
  return dir;
}
