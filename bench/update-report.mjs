// Splices the tables printed by `npm run size` and `npm run bench` (saved with
// tee to bench/.work/size.md and bench/.work/bench.md) into BENCHMARKS.md,
// between its <!-- size:begin/end --> and <!-- bench:begin/end --> markers, so
// the document carries exactly what the commands printed.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, WORK } from "./lib/paths.mjs";

const doc = path.join(ROOT, "BENCHMARKS.md");
let text = readFileSync(doc, "utf8");
for (const part of ["size", "bench"]) {
  const printed = readFileSync(path.join(WORK, `${part}.md`), "utf8")
    .split("\n")
    .filter((line) => !/^(bench: installing|added \d+ packages|> |npm )/.test(line))
    .join("\n")
    .trim();
  const re = new RegExp(`<!-- ${part}:begin -->[\\s\\S]*?<!-- ${part}:end -->`);
  if (!re.test(text)) throw new Error(`BENCHMARKS.md has no ${part} markers`);
  text = text.replace(re, `<!-- ${part}:begin -->\n${printed}\n<!-- ${part}:end -->`);
}
writeFileSync(doc, text);
