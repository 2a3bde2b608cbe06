// `npm run docs:migration`: rewrites the table of docs/migrating-from-clerk-backend.md
// from scripts/migration/map.ts. `-- --check` only reports whether it is up to date.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { withTable } from "./render.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const path = join(root, "docs", "migrating-from-clerk-backend.md");
const before = readFileSync(path, "utf8");
const after = await format(withTable(before, root), { ...(await resolveConfig(path)), filepath: path });
if (process.argv.includes("--check")) {
  console.error(
    before === after ? "docs:migration: up to date" : "docs:migration: out of date; run npm run docs:migration",
  );
  process.exitCode = before === after ? 0 : 1;
} else if (before !== after) {
  writeFileSync(path, after);
  console.error("docs:migration: table rewritten");
}
