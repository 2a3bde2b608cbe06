// node bench/size/explain.mjs <entry.ts>: which modules a bundle keeps, largest
// first (rendered bytes before minification), to see what holds a size back.
import path from "node:path";
import { bundle } from "../lib/bundle.mjs";
import { ROOT } from "../lib/paths.mjs";

const entry = path.resolve(process.argv[2]);
const out = await bundle(entry);
console.log(`${path.relative(ROOT, entry)}: ${out.min} B min, ${out.gzip} B gzip, ${out.brotli} B brotli`);
const rows = Object.entries(out.modules).sort((a, b) => b[1] - a[1]);
for (const [id, n] of rows) console.log(String(n).padStart(8), path.relative(ROOT, id));
