import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

// Each tsconfig here is one app setting, compiled with tsc as a user would
// compile theirs. "clerk-fn/…" resolves to dist/ through package.json "exports"
// (a package may import itself by name), so what is checked is what users get.
// The app files assert with Expect<Equal<…>> and @ts-expect-error, so a
// declaration that stopped reaching a type is an error here.
const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, "../..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

const SETTINGS = {
  "declared-alone": "declared interfaces, clerk-fn alone, skipLibCheck false",
  "declared-backend": "declared interfaces beside @clerk/backend, skipLibCheck true",
  "declared-backend-libcheck": "declared interfaces beside @clerk/backend, skipLibCheck false",
  "undeclared-alone": "nothing declared, clerk-fn alone, skipLibCheck false",
  "undeclared-backend": "nothing declared beside @clerk/backend, skipLibCheck true",
} as const;
type Setting = keyof typeof SETTINGS;

/** tsc's diagnostics, one entry per error (continuation lines joined). */
function diagnostics(output: string): string[] {
  const out: string[] = [];
  for (const line of output.split("\n")) {
    if (/^\S.*error TS\d+/.test(line)) out.push(line);
    else if (line.trim() && out.length) out[out.length - 1] += `\n${line}`;
    else if (line.trim()) out.push(line);
  }
  return out;
}

function compile(setting: Setting): Promise<string[]> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [tsc, "-p", join(here, `tsconfig.${setting}.json`), "--pretty", "false"],
      { cwd: here, timeout: 480_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const found = diagnostics(`${stdout}${stderr}`);
        // A run that ended without a diagnostic (killed, timed out) must not pass as clean.
        if (error && found.length === 0) found.push(`tsc failed: ${error.message}`);
        done(found);
      },
    );
  });
}

const results = new Map<Setting, string[]>();

describe("a consumer project types metadata, claims and events through Clerk's global interfaces", () => {
  beforeAll(async () => {
    if (!existsSync(join(root, "dist/esm/index.d.ts")))
      throw new Error("types-consumer compiles against dist/: run `npm run build` first");
    // Two at a time: each tsc run checks lib.dom and the packages' declarations.
    const queue = Object.keys(SETTINGS) as Setting[];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) results.set(next, await compile(next));
    };
    await Promise.all([worker(), worker()]);
  }, 600_000);

  for (const setting of ["declared-alone", "declared-backend", "undeclared-alone", "undeclared-backend"] as const) {
    it(SETTINGS[setting], () => {
      expect(results.get(setting)).toEqual([]);
    });
  }

  // skipLibCheck true would hide a duplicated index signature (TS2374) between
  // clerk-fn's and @clerk/shared's declarations, so this setting checks every
  // .d.ts: the only errors allowed are @clerk/shared's own (it names optional
  // peer packages that are not installed), none in clerk-fn, the app or TS2374.
  it(SETTINGS["declared-backend-libcheck"], () => {
    const found = results.get("declared-backend-libcheck")!;
    expect(found.filter((d) => d.includes("TS2374"))).toEqual([]);
    expect(found.filter((d) => !d.includes("node_modules/@clerk/"))).toEqual([]);
  });
});
