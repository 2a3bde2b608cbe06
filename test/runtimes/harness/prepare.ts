import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { execOrThrow } from "./exec.js";
import { cjsLib, esmLib, FEATURES, type FeatureName } from "./features.js";

const harnessDir = import.meta.dirname;
import { bundleDir, edgeBundle, edgeScript, repoRoot, scenariosDir, scratchDir, workerBundle } from "./paths.js";

export interface Prepared {
  readonly tarball: string;
  readonly sha256: string;
  /** Features the packed package provides; the others have a reason in `missing`. */
  readonly features: FeatureName[];
  readonly missing: Partial<Record<FeatureName, string>>;
  /** Milliseconds per step (0 when reused from an identical earlier run). */
  readonly timings: Record<string, number>;
}

const STAMP = join(scratchDir, "stamp.json");

/**
 * Builds (if src is newer than dist), packs, installs the tarball into the scratch
 * project, writes the entries and the single-file bundles. Idempotent: every
 * vitest project calls it, and only the first does the work for a given tarball.
 * `CLERK_FN_TARBALL` skips build and pack (e.g. when CI already packed).
 */
export async function prepare(): Promise<Prepared> {
  // All globalSetups of one vitest run share this process: prepare once per run, even
  // if others edit src meanwhile (a rebuild between projects would test different code).
  const earlier = process.env[MEMO];
  if (earlier !== undefined) return { ...(JSON.parse(earlier) as Prepared), timings: { reused: 1 } };
  const prepared = await prepareOnce();
  process.env[MEMO] = JSON.stringify(prepared);
  return prepared;
}

const MEMO = "CLERK_FN_SMOKE_PREPARED";

async function prepareOnce(): Promise<Prepared> {
  const timings: Record<string, number> = {};
  const time = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[step] = Math.round(performance.now() - started);
    }
  };

  const tarball = process.env.CLERK_FN_TARBALL ?? (await time("build", ensureBuilt), await time("pack", pack));
  const sha256 = createHash("sha256").update(readFileSync(tarball)).update(scenarioDigest()).digest("hex");
  const stamp = existsSync(STAMP) ? (JSON.parse(readFileSync(STAMP, "utf8")) as Prepared) : undefined;
  if (stamp?.sha256 === sha256) return { ...stamp, timings: { ...timings, reused: 1 } };

  await time("install", () => install(tarball));
  const { features, missing } = availableFeatures();
  await time("entries", async () => writeEntries(features));
  await time("bundle", () => writeBundles());
  const prepared: Prepared = { tarball, sha256, features, missing, timings };
  writeFileSync(STAMP, JSON.stringify(prepared, null, 2));
  return prepared;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

async function ensureBuilt(): Promise<void> {
  const dist = join(repoRoot, "dist");
  const inputs = [join(repoRoot, "src"), join(repoRoot, "rollup.config.mjs"), join(repoRoot, "package.json")];
  if (existsSync(dist) && Math.max(...inputs.map(newestMtime)) < newestMtime(dist)) return;
  await execOrThrow(process.execPath, [join(repoRoot, "node_modules/rollup/dist/bin/rollup"), "-c", "--silent"], {
    cwd: repoRoot,
    timeoutMs: 300_000,
  });
}

/** Packs, unless the last tarball is newer than everything it is made of (each vitest project asks). */
async function pack(): Promise<string> {
  const destination = `${scratchDir}.pack`;
  const previous = existsSync(destination) ? readdirSync(destination).find((name) => name.endsWith(".tgz")) : undefined;
  const inputs = ["dist", "package.json", "README.md", "LICENSE"]
    .map((p) => join(repoRoot, p))
    .filter((p) => existsSync(p));
  if (previous && statSync(join(destination, previous)).mtimeMs > Math.max(...inputs.map(newestMtime))) {
    return join(destination, previous);
  }
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  const { stdout } = await execOrThrow("npm", ["pack", "--json", "--pack-destination", destination], { cwd: repoRoot });
  const [info] = JSON.parse(stdout) as [{ filename: string }];
  return join(destination, info.filename);
}

/** Scenarios and this harness: a change to either redoes the scratch project. */
function scenarioDigest(): string {
  const hash = createHash("sha256");
  for (const dir of [scenariosDir, harnessDir]) {
    for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  }
  return hash.digest("hex");
}

/** A fresh consumer project with only the tarball installed (its deps from the npm cache when possible). */
async function install(tarball: string): Promise<void> {
  rmSync(scratchDir, { recursive: true, force: true });
  mkdirSync(scratchDir, { recursive: true });
  writeFileSync(
    join(scratchDir, "package.json"),
    JSON.stringify({ name: "clerk-fn-runtime-smoke", private: true, type: "module" }, null, 2),
  );
  const args = ["install", "--no-audit", "--no-fund", "--loglevel=error", tarball];
  try {
    await execOrThrow("npm", [...args, "--offline"], { cwd: scratchDir });
  } catch {
    // Not every dependency is in the local npm cache: let npm fetch what is missing.
    await execOrThrow("npm", [...args, "--prefer-offline"], { cwd: scratchDir, timeoutMs: 300_000 });
  }
}

function availableFeatures() {
  const pkgDir = join(scratchDir, "node_modules", "clerk-fn");
  const exportsMap =
    (JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { exports?: object }).exports ?? {};
  const features: FeatureName[] = [];
  const missing: Partial<Record<FeatureName, string>> = {};
  for (const [name, feature] of Object.entries(FEATURES) as [FeatureName, (typeof FEATURES)[FeatureName]][]) {
    const absentExports = feature.needs.filter((key) => !(key in exportsMap));
    const absentFiles = feature.files.filter((file) => !existsSync(join(pkgDir, file)));
    if (absentExports.length === 0 && absentFiles.length === 0) features.push(name);
    else
      missing[name] =
        `the packed clerk-fn lacks ${[...absentExports.map((k) => `export "${k}"`), ...absentFiles].join(", ")}`;
  }
  return { features, missing };
}

function writeEntries(features: FeatureName[]): void {
  const smokeDir = join(scratchDir, "smoke");
  cpSync(scenariosDir, smokeDir, { recursive: true });
  writeFileSync(join(smokeDir, "lib.mjs"), esmLib(features));
  writeFileSync(join(smokeDir, "lib.cjs"), cjsLib(features));
}

/** workerd and edge runtimes take one module: bundle the entries as their platforms' bundlers would. */
async function writeBundles(): Promise<void> {
  mkdirSync(bundleDir, { recursive: true });
  const common = { bundle: true, format: "esm", platform: "browser", target: "es2022", logLevel: "silent" } as const;
  await build({
    ...common,
    absWorkingDir: scratchDir,
    entryPoints: [join(scratchDir, "smoke", "worker.mjs")],
    outfile: workerBundle,
    conditions: ["workerd", "worker", "browser"],
  });
  await build({
    ...common,
    absWorkingDir: scratchDir,
    entryPoints: [join(scratchDir, "smoke", "edge.mjs")],
    outfile: edgeBundle,
    conditions: ["edge-light", "worker", "browser"],
  });
  // The same as a classic script, for EdgeVM.evaluate (a sandbox without Node globals).
  await build({
    ...common,
    format: "iife",
    globalName: "clerkFnSmoke",
    absWorkingDir: scratchDir,
    entryPoints: [join(scratchDir, "smoke", "edge.mjs")],
    outfile: edgeScript,
    conditions: ["edge-light", "worker", "browser"],
  });
}
