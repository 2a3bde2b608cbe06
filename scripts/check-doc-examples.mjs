// Type-checks every TypeScript example in README.md and docs/*.md against the
// built package (run `npm run build` first), so the docs cannot drift from the
// code. Each ```ts block becomes its own module under .tmp/doc-examples/ and is
// compiled with tsc; imports of "clerk-fn/..." resolve to ./dist through the
// package's own "exports" (a package may import itself by name).
//
// A block may use a few names it does not declare (a `clerk` core, a `userId`…):
// they are declared once in docs/examples-prelude.d.ts. A block that is not
// meant to compile on its own (a type signature shown for reading, say) starts
// with the line `// @doc-skip: <reason>`.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, ".tmp", "doc-examples");
const docs = [
  "README.md",
  ...readdirSync(path.join(root, "docs"))
    .filter((f) => f.endsWith(".md") && f !== "operations.md")
    .map((f) => `docs/${f}`),
];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const BLOCK = /^```(?:ts|typescript)\n([\s\S]*?)^```/gm;
const files = [];
const origin = new Map();
let skipped = 0;
for (const doc of docs) {
  const text = readFileSync(path.join(root, doc), "utf8");
  let index = 0;
  for (const match of text.matchAll(BLOCK)) {
    index++;
    const code = match[1];
    if (code.startsWith("// @doc-skip:")) {
      skipped++;
      continue;
    }
    const line = text.slice(0, match.index).split("\n").length + 1;
    const name = `${doc.replace(/[/.]/g, "_")}_${index}.ts`;
    // `export {}` makes every block a module, so blocks never share top-level names.
    writeFileSync(path.join(out, name), `${code}\nexport {};\n`);
    files.push(name);
    origin.set(name, `${doc}:${line}`);
  }
}
copyFileSync(path.join(root, "docs", "examples-prelude.d.ts"), path.join(out, "prelude.d.ts"));
writeFileSync(
  path.join(out, "tsconfig.json"),
  JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        types: ["node"],
      },
      files: ["prelude.d.ts", ...files],
    },
    null,
    2,
  ),
);

if (!existsSync(path.join(root, "dist"))) {
  console.error("check-doc-examples: no dist/ (run `npm run build` first)");
  process.exit(1);
}
try {
  execFileSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", out], {
    cwd: root,
    encoding: "utf8",
    stdio: "pipe",
  });
} catch (error) {
  // Point each diagnostic at the Markdown file and line the block starts at.
  const report = String(error.stdout).replace(/\.tmp\/doc-examples\/(\S+?\.ts)\((\d+),(\d+)\)/g, (_, file, line) => {
    return `${origin.get(file)} (block line ${line})`;
  });
  console.error(report);
  console.error(`check-doc-examples: the examples above do not compile (${files.length} blocks checked)`);
  process.exit(1);
}
console.log(
  `check-doc-examples: ${files.length} TypeScript blocks compile against the package (${skipped} marked @doc-skip)`,
);
