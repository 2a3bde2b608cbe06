// First-use setup for `npm run size` / `npm run bench`: installs bench's own
// pinned dependencies (npm ci --prefix bench) when bench/node_modules is missing
// or older than bench/package-lock.json. Node built-ins only.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const bench = path.dirname(fileURLToPath(import.meta.url));
const installed = path.join(bench, "node_modules", ".package-lock.json");
const lock = path.join(bench, "package-lock.json");
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.error("bench: installing its pinned dependencies (npm ci --prefix bench) ...");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["ci", "--prefix", bench, "--no-audit", "--no-fund"], { stdio: "inherit" });
}
