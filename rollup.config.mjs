// Builds the published package from src/:
//   dist/esm/**.js   + .d.ts    (import condition)
//   dist/cjs/**.cjs  + .d.cts   (require condition)
// One output file per source file (preserveModules), so `clerk-fn/funcs/<name>`
// is one small module and bundlers tree-shake per operation.
//
// Speed matters (the generator emits 1,000+ files): esbuild strips the types
// (no type check here; `npm run typecheck` owns that) and, in parallel, tsc
// emits the declarations once with --noCheck. The CJS declarations are the same
// files renamed to .d.cts with their relative specifiers pointing at .cjs, so
// TypeScript treats them as CommonJS under node16/nodenext.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";

const root = dirname(fileURLToPath(import.meta.url));
const srcDir = join(root, "src");
const distDir = join(root, "dist");

/** Test and type-test files may sit next to the code; they are never published. */
const isPublishedSource = (file) => file.endsWith(".ts") && !/\.(test|test-d|spec|bench)\.ts$|\.d\.ts$/.test(file);

function listSources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return isPublishedSource(entry.name) ? [path] : [];
  });
}

/** `import "./x.js"` in our sources means ./x.ts (NodeNext style). */
function resolveTsFromJs() {
  return {
    name: "resolve-ts-from-js",
    resolveId(source, importer) {
      if (!importer || !source.startsWith(".") || !source.endsWith(".js")) return null;
      const candidate = resolve(dirname(importer), `${source.slice(0, -3)}.ts`);
      return existsSync(candidate) ? candidate : null;
    },
  };
}

function esbuildStrip() {
  return {
    name: "esbuild-strip-types",
    async transform(code, id) {
      if (!id.endsWith(".ts")) return null;
      const out = await transform(code, {
        loader: "ts",
        format: "esm",
        target: "es2022",
        sourcefile: id,
        tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, useDefineForClassFields: true } },
      });
      return { code: out.code, map: null };
    },
  };
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const finished = new Promise((done) => {
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => done({ code, output }));
  });
  return { child, finished };
}

const relativeJsSpecifier = /((?:\bfrom|\bimport)\s*\(?\s*)(["'])(\.\.?\/[^"']*?)\.js\2/g;

function copyDeclarations(fromDir, subdir = "") {
  for (const entry of readdirSync(join(fromDir, subdir), { withFileTypes: true })) {
    const rel = join(subdir, entry.name);
    if (entry.isDirectory()) {
      copyDeclarations(fromDir, rel);
      continue;
    }
    if (!entry.name.endsWith(".d.ts") || /\.(test|test-d|spec|bench)\.d\.ts$/.test(entry.name)) continue;
    const text = readFileSync(join(fromDir, rel), "utf8");
    const base = rel.slice(0, -".d.ts".length);
    mkdirSync(dirname(join(distDir, "esm", rel)), { recursive: true });
    mkdirSync(dirname(join(distDir, "cjs", rel)), { recursive: true });
    writeFileSync(join(distDir, "esm", `${base}.d.ts`), text);
    writeFileSync(join(distDir, "cjs", `${base}.d.cts`), text.replace(relativeJsSpecifier, "$1$2$3.cjs$2"));
  }
}

/** Runs tsc (declarations only) alongside the rollup build and copies its output. */
function declarations() {
  let pending;
  let outDir;
  return {
    name: "declarations",
    buildStart() {
      outDir = mkdtempSync(join(tmpdir(), "clerk-fn-dts-"));
      const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
      pending = run(process.execPath, [
        tsc,
        "-p",
        "tsconfig.json",
        "--noEmit",
        "false",
        "--declaration",
        "--emitDeclarationOnly",
        "--noCheck",
        "--rootDir",
        "src",
        "--outDir",
        outDir,
      ]);
    },
    buildEnd(error) {
      // A failed build never reaches closeBundle: stop tsc and drop its output.
      if (!error) return;
      pending.child.kill();
      rmSync(outDir, { recursive: true, force: true });
    },
    async closeBundle() {
      const { code, output } = await pending.finished;
      try {
        if (code !== 0) throw new Error(`tsc declaration emit failed:\n${output}`);
        copyDeclarations(outDir);
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  };
}

function cleanDist() {
  return { name: "clean-dist", buildStart: () => rmSync(distDir, { recursive: true, force: true }) };
}

const shared = {
  preserveModules: true,
  preserveModulesRoot: "src",
  hoistTransitiveImports: false,
  generatedCode: "es2015",
};

export default {
  input: listSources(srcDir),
  // valibot, ofetch, jose and anything else by package name stay imports.
  external: (id) => !id.startsWith(".") && !isAbsolute(id) && !id.startsWith("\0"),
  plugins: [cleanDist(), resolveTsFromJs(), esbuildStrip(), declarations()],
  onwarn(warning, warn) {
    // Type-only modules become empty files; that is expected.
    if (warning.code === "EMPTY_BUNDLE") return;
    warn(warning);
  },
  output: [
    { ...shared, dir: join(distDir, "esm"), format: "es", entryFileNames: "[name].js" },
    {
      ...shared,
      dir: join(distDir, "cjs"),
      format: "cjs",
      entryFileNames: "[name].cjs",
      exports: "named",
      interop: "auto",
    },
  ],
};
