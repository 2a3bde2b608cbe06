// clerk-fn/testing stays out of everything else, and its own bundle for workerd/edge
// never reaches node:http (listen() loads that file only when called, on Node).
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

async function bundle(contents: string, platform: "browser" | "neutral" = "browser"): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    write: false,
    format: "esm",
    platform,
    mainFields: ["module", "main"],
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

// Strings that exist only in src/testing.
const MARKERS = ["operation_not_modelled", "createClerkFake", "fake.failNext"];

describe("bundles", () => {
  it("the root barrel, imported whole, holds nothing of the fake", async () => {
    const code = await bundle(`import * as clerk from "./src/index.ts"; console.log(clerk);`);
    expect(code.length).toBeGreaterThan(100_000);
    for (const marker of MARKERS) expect(code).not.toContain(marker);
  });

  it("the fake's browser/worker bundle has no node: import and no static reference to listen.ts", async () => {
    const code = await bundle(
      `import { createClerkFake } from "./src/testing/index.ts"; console.log(createClerkFake);`,
    );
    expect(code).toContain("operation_not_modelled");
    expect(code).not.toMatch(/from\s*["']node:|import\(\s*["']node:|require\(\s*["']node:/);
    expect(code).not.toContain("createServer");
  });
});
