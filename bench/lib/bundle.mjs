// One entry file -> one browser/worker ESM bundle, minified by terser, with its
// raw, gzip -9 and brotli (quality 11) sizes. Node built-ins are an error:
// a worker has none, so a bundle that needs one would not run there.
import { builtinModules } from "node:module";
import zlib from "node:zlib";
import { rollup, nodeResolve, terser } from "./root-tools.mjs";
import { typescript } from "./ts-plugin.mjs";

const BUILTINS = new Set(builtinModules);

function noNodeBuiltins() {
  return {
    name: "no-node-builtins",
    resolveId(source, importer) {
      if (source.startsWith("node:") || BUILTINS.has(source.split("/")[0])) {
        throw new Error(`${importer} imports the Node built-in "${source}"; a browser/worker bundle cannot`);
      }
      return null;
    },
  };
}

/**
 * @param {string} entry absolute path of the entry file
 * @param {{ extraPlugins?: object[], minify?: boolean }} [options]
 */
export async function bundle(entry, options = {}) {
  const unresolved = [];
  const build = await rollup({
    input: entry,
    treeshake: { preset: "recommended" },
    onwarn(warning, warn) {
      if (warning.code === "UNRESOLVED_IMPORT") unresolved.push(warning.exporter ?? warning.message);
      // INVALID_ANNOTATION: a misplaced /*#__PURE__*/ in a dependency (zod 4), dropped by rollup.
      else if (!["CIRCULAR_DEPENDENCY", "THIS_IS_UNDEFINED", "INVALID_ANNOTATION"].includes(warning.code))
        warn(warning);
    },
    plugins: [
      noNodeBuiltins(),
      typescript(),
      nodeResolve({
        browser: true,
        preferBuiltins: false,
        exportConditions: ["worker", "browser", "import", "module", "default"],
      }),
      ...(options.extraPlugins ?? []),
    ],
  });
  if (unresolved.length) throw new Error(`unresolved imports in ${entry}: ${unresolved.join(", ")}`);
  const plugins = options.minify === false ? [] : [terser({ module: true, ecma: 2020, format: { comments: false } })];
  const { output } = await build.generate({ format: "es", plugins });
  await build.close();
  const chunks = output.filter((o) => o.type === "chunk");
  const code = chunks.map((o) => o.code).join("\n");
  // Rendered (pre-terser) bytes per module: where the size comes from.
  const modules = Object.fromEntries(
    chunks
      .flatMap((c) => Object.entries(c.modules))
      .map(([id, m]) => [id, m.renderedLength])
      .filter(([, n]) => n > 0),
  );
  return { code, modules, ...measure(code) };
}

export function measure(code) {
  const bytes = Buffer.from(code);
  return {
    min: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}
