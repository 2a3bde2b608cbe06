// The bundling tools come from the main project's devDependencies, never from
// bench/node_modules, so the CI budget check needs no bench install and both
// give byte-identical bundles.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { ROOT } from "./paths.mjs";

const requireFromRoot = createRequire(path.join(ROOT, "package.json"));

async function load(name) {
  return import(pathToFileURL(requireFromRoot.resolve(name)).href);
}

export const rollup = (await load("rollup")).rollup;
export const nodeResolve = (await load("@rollup/plugin-node-resolve")).default;
export const terser = (await load("@rollup/plugin-terser")).default;
export const esbuild = await load("esbuild");

export function versionOf(name) {
  return requireFromRoot(`${name}/package.json`).version;
}
