// The public subpaths of clerk-fn (DESIGN.md A "Package") and the files that back them.
// `node scripts/pack-check.exports.mjs --write` sets the packaging fields of package.json
// (exports, main, module, types, typesVersions, files, sideEffects) for the subpaths whose source
// entry is tracked by git, so the map never points at something a clean clone lacks.
// `--worktree` counts untracked files too (local trials only; never commit that map).
// Nothing else in package.json is touched.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** subpath -> source entry under src/ without extension ("*" = one file per operation). */
export const publicEntries = {
  ".": "index",
  "./core": "core",
  "./funcs": "funcs/index",
  "./funcs/*": "funcs/*",
  "./models/components": "models/components/index",
  "./models/operations": "models/operations/index",
  "./errors": "errors/index",
  "./retries": "retries/index",
  "./types": "types/index",
  "./auth": "auth/index",
  "./auth/local": "auth/local",
  "./webhooks": "webhooks/index",
  "./testing": "testing/index",
  "./paginate": "paginate/index",
  "./client": "client/index",
};

/**
 * subpath -> its Node entry under src/node/ (the "node" condition, which Deno and
 * Bun take too): the same exports plus the errors' inspect view, which browser and
 * worker bundles leave out. Every subpath that can hand out a clerk-fn error has one
 * (funcs, paginate and testing need a core from one of these).
 */
export const nodeEntries = {
  ".": "node/index",
  "./core": "node/core",
  "./auth": "node/auth",
  "./auth/local": "node/auth-local",
  "./webhooks": "node/webhooks",
  "./client": "node/client",
};

/** The files behind `entry`; the Node entry's code with the same declarations. */
const files = (entry, code = entry) => ({
  import: { types: `./dist/esm/${entry}.d.ts`, default: `./dist/esm/${code}.js` },
  require: { types: `./dist/cjs/${entry}.d.cts`, default: `./dist/cjs/${code}.cjs` },
});

const target = (subpath, entry) =>
  nodeEntries[subpath] ? { node: files(entry, nodeEntries[subpath]), ...files(entry) } : files(entry);

/** Source files tracked by git, or (worktree = true) every file on disk, e.g. for local trials. */
function sourceFiles(worktree = false) {
  const out = worktree
    ? readdirSync(join(root, "src"), { recursive: true }).map((file) => `src/${file}`)
    : execFileSync("git", ["ls-files", "src"], { cwd: root, encoding: "utf8" }).split("\n");
  return new Set(out.filter(Boolean));
}

/** Subpaths whose entry exists; `./funcs/*` needs at least one operation file. */
export function existingEntries(sources = sourceFiles()) {
  return Object.entries(publicEntries).filter(([, entry]) => {
    if (!entry.endsWith("*")) return sources.has(`src/${entry}.ts`);
    const dir = `src/${entry.slice(0, -1)}`;
    return [...sources].some((file) => file.startsWith(dir) && !file.endsWith("/index.ts") && file.endsWith(".ts"));
  });
}

export function packagingFields(entries) {
  const exports = {};
  const typesVersions = {};
  for (const [subpath, entry] of entries) {
    exports[subpath] = target(subpath, entry);
    // TypeScript's legacy node10 resolution ignores `exports`; this maps subpaths for it.
    if (subpath !== ".") typesVersions[subpath.slice(2)] = [`./dist/cjs/${entry}.d.cts`];
  }
  exports["./package.json"] = "./package.json";
  const hasRoot = entries.some(([subpath]) => subpath === ".");
  return {
    exports,
    main: hasRoot ? "./dist/cjs/index.cjs" : undefined,
    module: hasRoot ? "./dist/esm/index.js" : undefined,
    types: hasRoot ? "./dist/cjs/index.d.cts" : undefined,
    typesVersions: Object.keys(typesVersions).length ? { "*": typesVersions } : undefined,
    files: ["dist"],
    // Bundlers may drop any module nobody imports a name from, except these: the
    // Node entries import the inspect view only for what it does on load.
    sideEffects: ["./dist/esm/lib/inspect-view.js", "./dist/cjs/lib/inspect-view.cjs"],
  };
}

function writePackageJson(fields) {
  const path = join(root, "package.json");
  const pkg = JSON.parse(readFileSync(path, "utf8"));
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete pkg[key];
    else pkg[key] = value;
  }
  writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const entries = existingEntries(sourceFiles(process.argv.includes("--worktree")));
  const fields = packagingFields(entries);
  if (process.argv.includes("--write")) writePackageJson(fields);
  console.log(entries.map(([subpath]) => subpath).join(" "));
}
