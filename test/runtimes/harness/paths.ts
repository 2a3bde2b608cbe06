import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (the package under test is packed from here). */
export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * The scratch consumer project. Outside the repository on purpose: Node, Deno and
 * Bun must not find /work/main/node_modules by walking up, or a dependency missing
 * from the tarball would go unnoticed. Fixed, so the workerd config can name files in it.
 */
export const scratchDir = process.env.CLERK_FN_SMOKE_DIR ?? join(tmpdir(), "clerk-fn-runtimes");

/** Scenario sources, copied into the scratch project before each run. */
export const scenariosDir = fileURLToPath(new URL("../scenarios", import.meta.url));

/** Bundles built from the scratch project for runtimes that only take one file. */
export const bundleDir = join(scratchDir, "bundles");
export const workerBundle = join(bundleDir, "worker.mjs");
export const edgeBundle = join(bundleDir, "edge.mjs");
export const edgeScript = join(bundleDir, "edge.iife.js");
