import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT, generateFixture, materialize } from "./support.js";

// The output of every fixture must compile against the real runtime under the
// project's strict settings (recursion, unions and enums included).
describe("emitted code type-checks", () => {
  it("all fixtures, one program", async () => {
    const roots: string[] = [];
    for (const f of readdirSync(FIXTURES)
      .filter((x) => x.endsWith(".yml"))
      .sort()) {
      const name = f.slice(0, -4);
      const { files } = await generateFixture(name, false);
      const dir = materialize(name, files);
      for (const path of files.keys())
        if (path.endsWith(".ts") && path !== "src/lib/defaults.ts") roots.push(join(dir, path));
    }
    expect(roots.length).toBeGreaterThan(60);
    // A control file with a known error proves the program really checks these files.
    const control = join(materialize("control", new Map()), "src/control.ts");
    writeFileSync(
      control,
      'import { inbound } from "./lib/schema.js";\nexport const bad = inbound<{ a: string }>({});\n',
    );
    roots.push(control);
    const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile).config as {
      compilerOptions: object;
    };
    const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT);
    const program = ts.createProgram(roots, { ...options, noEmit: true, types: [] });
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file && roots.includes(d.file.fileName));
    const text = diagnostics.map(
      (d) =>
        `${d.file!.fileName.split("clerk-fn-codegen-test/")[1]}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
    );
    expect(text.filter((t) => t.startsWith("control/"))).toHaveLength(1);
    expect(text.filter((t) => !t.startsWith("control/"))).toEqual([]);
  });
});
