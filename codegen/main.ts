// `npm run generate` writes the generated tree; `npm run generate -- --check`
// regenerates in memory and fails, listing every file that differs.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  SPEC_FILE_NAME,
  SPEC_LOCAL_PATH,
  SPEC_SHA256,
  SPEC_UPSTREAM_URL,
  WEBHOOKS_FILE_NAME,
  WEBHOOKS_LOCAL_PATH,
  WEBHOOKS_SHA256,
  WEBHOOKS_UPSTREAM_URL,
} from "./config.js";
import { generateWebhooks } from "./emit-webhooks.js";
import { generate } from "./generate.js";
import { loadSpec } from "./load.js";

/** Directories the generator owns completely: stale files in them are removed. */
const OWNED_DIRS = ["src/client", "src/funcs", "src/models/components", "src/models/operations", "src/models/webhooks"];

async function main(): Promise<number> {
  const check = process.argv.includes("--check");
  const quiet = process.argv.includes("--quiet");
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  // CI without Clerk's documents next to the repo (and no override) skips the check.
  if (
    process.argv.includes("--if-present") &&
    !process.env.CLERK_OPENAPI_SPEC &&
    !existsSync(join(root, SPEC_LOCAL_PATH))
  ) {
    console.error(`codegen: ${SPEC_LOCAL_PATH} not present: skipped`);
    return 0;
  }
  const started = performance.now();
  const spec = await loadSpec(root, {
    fileName: SPEC_FILE_NAME,
    envVar: "CLERK_OPENAPI_SPEC",
    localPath: SPEC_LOCAL_PATH,
    upstreamUrl: SPEC_UPSTREAM_URL,
    sha256: SPEC_SHA256,
  });
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const webhooksSpec = await loadSpec(root, {
    fileName: WEBHOOKS_FILE_NAME,
    envVar: "CLERK_WEBHOOKS_SPEC",
    localPath: WEBHOOKS_LOCAL_PATH,
    upstreamUrl: WEBHOOKS_UPSTREAM_URL,
    sha256: WEBHOOKS_SHA256,
  });
  const [api, hooks] = await Promise.all([generate(spec, { sdkVersion: pkg.version }), generateWebhooks(webhooksSpec)]);
  const files = new Map([...api.files, ...hooks.files]);
  const repairs = [...api.repairs, ...hooks.repairs.map((r) => `webhooks: ${r}`)];
  if (!quiet) for (const line of repairs) console.error(`repair: ${line}`);

  const existing = OWNED_DIRS.flatMap((d) => listFiles(root, d));
  const stale = existing.filter((p) => !files.has(p));
  if (check) {
    const differ = [...files]
      .filter(([p, text]) => !existsSync(join(root, p)) || readFileSync(join(root, p), "utf8") !== text)
      .map(([p]) => p);
    for (const p of [...differ, ...stale].sort()) console.error(`${stale.includes(p) ? "stale" : "differs"}: ${p}`);
    const bad = differ.length + stale.length;
    console.error(
      bad
        ? `codegen --check: ${bad} file(s) differ from the spec; run npm run generate`
        : `codegen --check: ${files.size} files up to date`,
    );
    return bad ? 1 : 0;
  }
  for (const p of stale) rmSync(join(root, p));
  let written = 0;
  for (const [p, text] of files) {
    const abs = join(root, p);
    if (existsSync(abs) && readFileSync(abs, "utf8") === text) continue;
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    written++;
  }
  const ms = Math.round(performance.now() - started);
  console.error(
    `codegen: ${files.size} files (${written} written, ${stale.length} removed), ${repairs.length} repairs, ${ms} ms`,
  );
  return 0;
}

function listFiles(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(root, rel));
    else out.push(rel);
  }
  return out;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`codegen failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
