import { join } from "node:path";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { build, type BuildOptions } from "esbuild";
import { rollup } from "rollup";
import { scratchDir } from "./paths.js";

/**
 * Bundles an entry of the scratch project for the browser/worker platform, the
 * way an app's bundler would: no Node built-ins, no `process.env.NODE_ENV`
 * defined. Output is one classic script defining `clerkFnSmoke`, or an error
 * listing what the bundler could not resolve.
 */
export type Bundler = (entry: string, options: { minify: boolean }) => Promise<string>;

const CONDITIONS = ["worker", "browser"];

/** One entry of the scratch project bundled by esbuild, with the platform's own options. */
async function esbuildText(entry: string, platformOptions: BuildOptions): Promise<string> {
  const out = await build({
    ...platformOptions,
    absWorkingDir: scratchDir,
    entryPoints: [join(scratchDir, entry)],
    bundle: true,
    write: false,
    target: "es2022",
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

export const esbuildBundle: Bundler = (entry, { minify }) =>
  esbuildText(entry, {
    format: "iife",
    globalName: "clerkFnSmoke",
    platform: "browser",
    conditions: CONDITIONS,
    minify,
  });

/**
 * The same for a Node server bundle (esbuild's node platform takes the "node"
 * condition): ESM, Node built-ins left as imports. Only compared, never run.
 */
export const esbuildNodeBundle = (entry: string): Promise<string> =>
  esbuildText(entry, { format: "esm", platform: "node" });

export const rollupBundle: Bundler = async (entry, { minify }) => {
  const problems: string[] = [];
  const bundle = await rollup({
    input: join(scratchDir, entry),
    plugins: [nodeResolve({ browser: true, preferBuiltins: false, exportConditions: CONDITIONS, rootDir: scratchDir })],
    onwarn: (warning) => {
      // Unresolved imports (e.g. a node: built-in) and anything else are failures here.
      if (warning.code !== "CIRCULAR_DEPENDENCY") problems.push(`${warning.code}: ${warning.message}`);
    },
  });
  // One script, as an app bundle would be: lazy imports are inlined.
  const { output } = await bundle.generate({
    format: "iife",
    name: "clerkFnSmoke",
    compact: minify,
    inlineDynamicImports: true,
  });
  await bundle.close();
  if (problems.length > 0) throw new Error(`rollup: ${problems.join("\n")}`);
  return output[0].code;
};

/** Vite 8's bundler (vitest's own dependency); null when it is not installed. */
export async function rolldownBundler(): Promise<Bundler | null> {
  let mod: typeof import("rolldown");
  try {
    mod = await import("rolldown");
  } catch {
    return null;
  }
  return async (entry, { minify }) => {
    const problems: string[] = [];
    const bundle = await mod.rolldown({
      input: join(scratchDir, entry),
      cwd: scratchDir,
      platform: "browser",
      resolve: { conditionNames: [...CONDITIONS, "import", "default"] },
      onwarn: (warning) => void problems.push(`${warning.code}: ${warning.message}`),
    });
    const { output } = await bundle.generate({ format: "iife", name: "clerkFnSmoke", minify });
    await bundle.close();
    if (problems.length > 0) throw new Error(`rolldown: ${problems.join("\n")}`);
    return output[0].code;
  };
}
