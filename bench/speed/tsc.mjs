// Bench (d): `tsc --noEmit` on a consumer file that calls one operation, per
// contender, a fresh tsc process per sample, rotated order. clerk-fn is checked
// the way an app sees it once installed: through declaration files (emitted
// here from src/ for core + emailAddressesGet only, with the project's own
// compiler options). @clerk/backend and openapi-fetch ship/produce .d.ts;
// hey-api's output is TypeScript source that lives in the app, so it is checked as such.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT, SRC, WORK } from "../lib/paths.mjs";
import { interleave } from "./stats.mjs";

const TSC = createRequire(path.join(ROOT, "package.json")).resolve("typescript/bin/tsc");
const DIR = path.join(WORK, "tsc");
const DTS = path.join(DIR, "clerk-fn-dts");

const CONSUMERS = {
  "clerk-fn": `import { ClerkCore } from "../clerk-fn-dts/core.js";
import { emailAddressesGet } from "../clerk-fn-dts/funcs/emailAddressesGet.js";
const core = new ClerkCore({ bearerAuth: "sk_test_x" });
const res = await emailAddressesGet(core, { emailAddressId: "idn_1" });
if (res.ok) console.log(res.value.emailAddress);
else console.log(res.error.name);
`,
  "clerk-backend": `import { createClerkClient } from "@clerk/backend";
const clerk = createClerkClient({ secretKey: "sk_test_x" });
const email = await clerk.emailAddresses.getEmailAddress("idn_1");
console.log(email.emailAddress);
`,
  "openapi-fetch": `import createClient from "openapi-fetch";
import type { paths } from "../../openapi-typescript/schema.js";
const api = createClient<paths>({ baseUrl: "https://api.clerk.com/v1" });
const { data } = await api.GET("/email_addresses/{email_address_id}", { params: { path: { email_address_id: "idn_1" } } });
console.log(data?.email_address);
`,
  "hey-api-valibot": `import { getEmailAddress } from "../../hey-api/sdk.gen.js";
const { data } = await getEmailAddress({ path: { email_address_id: "idn_1" } });
console.log(data?.email_address);
`,
};

const CONSUMER_OPTIONS = {
  target: "ES2022",
  module: "ESNext",
  moduleResolution: "Bundler",
  lib: ["ES2022", "DOM", "DOM.Iterable"],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

export function prepareTsc() {
  mkdirSync(DTS, { recursive: true });
  const emitConfig = path.join(DIR, "tsconfig.emit.json");
  writeFileSync(
    emitConfig,
    JSON.stringify(
      {
        extends: path.join(ROOT, "tsconfig.json"),
        compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: DTS, rootDir: SRC },
        files: [path.join(SRC, "core.ts"), path.join(SRC, "funcs", "emailAddressesGet.ts")],
        include: [],
      },
      null,
      1,
    ),
  );
  execFileSync(process.execPath, [TSC, "-p", emitConfig], { stdio: "inherit" });
  for (const [name, source] of Object.entries(CONSUMERS)) {
    mkdirSync(path.join(DIR, name), { recursive: true });
    writeFileSync(path.join(DIR, name, "consumer.ts"), source);
    writeFileSync(
      path.join(DIR, name, "tsconfig.json"),
      JSON.stringify({ compilerOptions: CONSUMER_OPTIONS, files: ["consumer.ts"] }, null, 1),
    );
  }
}

export async function tscTimes(samples = 7) {
  prepareTsc();
  const wall = Object.fromEntries(Object.keys(CONSUMERS).map((k) => [k, []]));
  const total = Object.fromEntries(Object.keys(CONSUMERS).map((k) => [k, []]));
  const files = {};
  const errors = {};
  await interleave(Object.keys(CONSUMERS), samples, (name) => {
    if (errors[name]) return;
    const t0 = performance.now();
    const child = spawnSync(
      process.execPath,
      [TSC, "-p", path.join(DIR, name, "tsconfig.json"), "--extendedDiagnostics"],
      { encoding: "utf8" },
    );
    const ms = performance.now() - t0;
    const out = child.stdout;
    if (child.status !== 0) {
      errors[name] = out.split("\n").find((l) => l.includes("error")) ?? `exit ${child.status}`;
      return;
    }
    wall[name].push(ms);
    total[name].push(Number(/Total time:\s+([\d.]+)s/.exec(out)?.[1]) * 1000);
    const count = (label) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(out)?.[1] ?? 0);
    files[name] = { files: count("Files"), lines: count("Lines of TypeScript") + count("Lines of Definitions") };
  });
  return { samples, wall, total, files, errors };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await tscTimes(1), null, 1));
