import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/**
 * Bundles a Worker entry into one ES module file, as a Worker build would
 * (workerd runs bundled `.mjs` input only). `remove` deletes the scratch folder.
 */
export async function bundleWorker(entry: URL, name: string): Promise<{ outfile: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), `clerk-fn-${name}-`));
  const outfile = join(dir, "worker.mjs");
  await build({
    entryPoints: [fileURLToPath(entry)],
    outfile,
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    logLevel: "warning",
  });
  return { outfile, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
