// Checks the package a user would install: `npm pack`, then
//   1. the tarball holds only dist/, README.md, LICENSE and package.json;
//   2. package.json's packaging fields equal what pack-check.exports.mjs derives from
//      the tracked sources (no stub entries, no forgotten ones), and every export
//      target is in the tarball;
//   3. every src/funcs operation has its ESM and CJS file and declarations;
//   4. publint --strict and attw (node10, node16 CJS/ESM, bundler) find no problem.
// Run after `npm run build`. Exit code 1 on any problem.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { existingEntries, packagingFields, root } from "./pack-check.exports.mjs";

const problems = [];
const bin = (name) => join(root, "node_modules", ".bin", name);
const started = Date.now();

const packDir = mkdtempSync(join(tmpdir(), "clerk-fn-pack-"));
try {
  const [info] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", packDir], { cwd: root, encoding: "utf8" }),
  );
  const tarball = join(packDir, info.filename);
  const files = new Set(info.files.map((file) => file.path));
  console.log(`packed ${info.filename}: ${info.entryCount} files, ${info.size} B (${info.unpackedSize} B unpacked)`);

  // 1. contents
  const allowed = (path) => path.startsWith("dist/") || ["README.md", "LICENSE", "package.json"].includes(path);
  const stray = [...files].filter((path) => !allowed(path));
  if (stray.length) problems.push(`unexpected files in the tarball: ${stray.slice(0, 10).join(", ")}`);
  for (const required of ["README.md", "LICENSE", "package.json"]) {
    if (!files.has(required)) problems.push(`${required} is missing from the tarball`);
  }

  // 2. packaging fields and export targets
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const expected = packagingFields(existingEntries());
  for (const [field, value] of Object.entries(expected)) {
    if (JSON.stringify(pkg[field]) !== JSON.stringify(value)) {
      problems.push(
        `package.json "${field}" differs from the tracked sources; run: node scripts/pack-check.exports.mjs --write`,
      );
    }
  }
  const targets = [];
  const collect = (value) => {
    if (typeof value === "string") targets.push(value);
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  collect(pkg.exports);
  for (const target of [...targets, pkg.main, pkg.module, pkg.types].filter(Boolean)) {
    const path = target.replace(/^\.\//, "");
    if (path.includes("*")) {
      const [prefix, suffix] = path.split("*");
      if (![...files].some((file) => file.startsWith(prefix) && file.endsWith(suffix))) {
        problems.push(`no file in the tarball matches the export pattern ${target}`);
      }
    } else if (!files.has(path)) {
      problems.push(`export target ${target} is not in the tarball`);
    }
  }

  // 3. one output per operation
  const funcsDir = join(root, "src", "funcs");
  const operations = readdirSync(funcsDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && entry.name !== "index.ts")
    .map((entry) => entry.name.slice(0, -3));
  for (const name of operations) {
    for (const out of [
      `esm/funcs/${name}.js`,
      `esm/funcs/${name}.d.ts`,
      `cjs/funcs/${name}.cjs`,
      `cjs/funcs/${name}.d.cts`,
    ]) {
      if (!files.has(`dist/${out}`)) problems.push(`dist/${out} is missing`);
    }
  }
  console.log(
    `${operations.length} operations, each with ESM, CJS and both declarations: ${problems.length ? "see problems" : "ok"}`,
  );

  // 4. publint and attw on the very same tarball
  const run = (label, command, args) => {
    console.log(`\n$ ${label}`);
    const result = spawnSync(command, args, { cwd: packDir, stdio: "inherit" });
    if (result.status !== 0) problems.push(`${label} reported problems (exit ${result.status})`);
  };
  run("publint --strict", bin("publint"), ["run", "--strict", tarball]);
  const subpaths = Object.keys(pkg.exports).filter((key) => key !== "./package.json" && !key.includes("*"));
  const sampleFuncs = ["usersList", "usersGet", "emailAddressesGet"].filter((name) => operations.includes(name));
  const entrypoints = [...subpaths, ...sampleFuncs.map((name) => `./funcs/${name}`)];
  run(`attw --entrypoints ${entrypoints.join(" ")}`, bin("attw"), [
    tarball,
    "--format",
    "table-flipped",
    "--entrypoints",
    ...entrypoints,
  ]);
} finally {
  rmSync(packDir, { recursive: true, force: true });
}

console.log(
  `\npack-check: ${problems.length ? `${problems.length} problem(s)` : "no problems"} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
for (const problem of problems) console.error(`  - ${problem}`);
process.exit(problems.length ? 1 : 0);
