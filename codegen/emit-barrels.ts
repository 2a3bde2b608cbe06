// Barrels: re-exports only, so a bundler can still drop every unused module.
import type { IR } from "./ir.js";
import { pascal } from "./naming.js";

export function emitBarrels(ir: IR, modelFiles: Iterable<string>, banner: string): Map<string, string> {
  const out = new Map<string, string>();
  const funcs = ir.ops.map((op) => `export { ${op.fn}, type ${pascal(op.fn)}Error } from "./${op.fn}.js";`);
  out.set("src/funcs/index.ts", `${banner}\n${funcs.join("\n")}\n`);
  const byDir = new Map<string, string[]>();
  for (const path of [...modelFiles].sort()) {
    const m = /^src\/models\/([^/]+)\/([^/]+)\.ts$/.exec(path);
    if (!m || m[2] === "index") continue;
    byDir.set(m[1]!, [...(byDir.get(m[1]!) ?? []), `export * from "./${m[2]}.js";`]);
  }
  for (const dir of ["components", "operations"]) {
    out.set(`src/models/${dir}/index.ts`, `${banner}\n${(byDir.get(dir) ?? []).join("\n")}\n`);
  }
  return out;
}
