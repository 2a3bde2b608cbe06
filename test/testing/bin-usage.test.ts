// Issue 24 D: clerk-fn-fake answers bad flags and bad seed files with one line and its usage
// (exit 2), never a raw stack trace.
import { spawnSync } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/testing/bin.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 20_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe("clerk-fn-fake under bad flags", () => {
  const dir = mkdtempSync(join(tmpdir(), "clerk-fn-fake-"));
  const badJson = join(dir, "bad.json");
  writeFileSync(badJson, "{ not json");
  const badSeed = join(dir, "seed.json");
  writeFileSync(badSeed, JSON.stringify({ users: "nope" }));

  it.each([
    [["--prot", "4010"], /unknown argument: --prot/],
    [["--port"], /--port needs a value/],
    [["--port", "eighty"], /--port must be a whole number/],
    [["--seed", join(dir, "missing.json")], /cannot read the seed file .*ENOENT/],
    [["--seed", badJson], /is not valid JSON/],
    [["--seed", badSeed], /the seed is not valid: .*seed.users must be an array/],
  ])("%j prints what is wrong and the usage, exit 2", (args, message) => {
    const result = run(...(args as string[]));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("usage: clerk-fn-fake");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("--help prints the usage and exits 0", () => {
    const result = run("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("usage: clerk-fn-fake");
  });
});
