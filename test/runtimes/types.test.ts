import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { exec, type Exec } from "./harness/exec.js";
import { repoRoot, scratchDir } from "./harness/paths.js";

// A TypeScript user's view of the packed package: every public subpath imported
// from an ES module (.mts) and a CommonJS module (.cts), type-checked with
// skipLibCheck on for speed; the files assert nothing resolved to `any`.
const MODES = {
  node16: { module: "node16", moduleResolution: "node16", files: ["esm.mts", "cjs.cts"] },
  nodenext: { module: "nodenext", moduleResolution: "nodenext", files: ["esm.mts", "cjs.cts"] },
  bundler: { module: "esnext", moduleResolution: "bundler", files: ["esm.mts"] },
} as const;

const dir = join(scratchDir, "consumer-types");
const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
const runs = new Map<string, Exec>();

describe("type declarations resolve for TypeScript users", () => {
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    cpSync(fileURLToPath(new URL("./consumer-types", import.meta.url)), dir, { recursive: true });
    await Promise.all(
      Object.entries(MODES).map(async ([mode, { files, ...options }]) => {
        const compilerOptions = {
          ...options,
          target: "es2022",
          lib: ["es2022", "dom"],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        };
        writeFileSync(join(dir, `tsconfig.${mode}.json`), JSON.stringify({ compilerOptions, files }, null, 2));
        runs.set(
          mode,
          await exec(process.execPath, [tsc, "-p", `tsconfig.${mode}.json`], { cwd: dir, timeoutMs: 240_000 }),
        );
      }),
    );
  }, 300_000);

  for (const mode of Object.keys(MODES)) {
    it(`moduleResolution ${mode}`, () => {
      const run = runs.get(mode);
      expect(`${run?.stdout}${run?.stderr}`.trim()).toBe("");
      expect(run?.code).toBe(0);
    });
  }
});
