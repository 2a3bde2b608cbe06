// Lets rollup read TypeScript sources (clerk-fn's src/, hey-api's generated
// client): `./x.js` imports resolve to `./x.ts`, and esbuild strips the types.
// No type checking here; that is tsc's job elsewhere.
import { existsSync } from "node:fs";
import path from "node:path";
import { esbuild } from "./root-tools.mjs";

export function typescript() {
  return {
    name: "bench-typescript",
    resolveId(source, importer) {
      if (!importer || !source.startsWith(".")) return null;
      const base = path.resolve(path.dirname(importer), source);
      for (const candidate of [base.replace(/\.js$/, ".ts"), `${base}.ts`, path.join(base, "index.ts")]) {
        if (candidate.endsWith(".ts") && existsSync(candidate)) return candidate;
      }
      return null;
    },
    async transform(code, id) {
      if (!id.endsWith(".ts")) return null;
      const out = await esbuild.transform(code, { loader: "ts", format: "esm", target: "es2022", sourcefile: id });
      return { code: out.code, map: null };
    },
  };
}
