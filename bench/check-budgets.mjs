// CI size budgets (never times): bundles clerk-fn's entry for each scenario
// with the main project's own devDependencies (no bench install needed) and
// fails when a gzip size exceeds bench/budgets.json. Also checks that the
// one-call bundle holds only emailAddressesGet and its models.
//   node bench/check-budgets.mjs
import { readFileSync } from "node:fs";
import path from "node:path";
import { bundle } from "./lib/bundle.mjs";
import { BENCH } from "./lib/paths.mjs";
import { contentProblems, operationFacts } from "./size/content.mjs";

const budgets = JSON.parse(readFileSync(path.join(BENCH, "budgets.json"), "utf8"));
const entry = (scenario) => path.join(BENCH, "entries", scenario, "clerk-fn.ts");
const results = [];
const record = (ok, name, detail) => {
  results.push(ok);
  console.log(`${ok ? "ok  " : "FAIL"} ${name}: ${detail}`);
};
const fmt = (n) => n.toLocaleString("en-US");

const bundles = {};
for (const [scenario, budget] of Object.entries(budgets)) {
  if (scenario.startsWith("$")) continue;
  try {
    const out = (bundles[scenario] = await bundle(entry(scenario)));
    const ok = out.gzip <= budget;
    record(
      ok,
      `size ${scenario}`,
      `${fmt(out.gzip)} B gzip ${ok ? "within" : `exceeds by ${fmt(out.gzip - budget)} B the`} budget of ${fmt(budget)} B (min ${fmt(out.min)} B, brotli ${fmt(out.brotli)} B)`,
    );
  } catch (error) {
    record(false, `size ${scenario}`, `could not bundle: ${String(error?.message ?? error).split("\n")[0]}`);
  }
}

try {
  const facts = operationFacts("GetEmailAddress");
  if (bundles["a-one-call"]) {
    const problems = contentProblems(bundles["a-one-call"].code, facts);
    record(
      problems.length === 0,
      "content a-one-call",
      problems.length
        ? problems.join("; ")
        : `only ${facts.path} and its ${facts.usedSchemas.length} models (checked ${facts.otherPaths.length} other paths, ${facts.otherOperationIds.length} operationIds, ${facts.foreignKeys.length} foreign wire keys)`,
    );
  }
  // The same check must see the nine extra operations in the ten-call bundle, or it proves nothing.
  if (bundles["b-ten-calls"]) {
    const problems = contentProblems(bundles["b-ten-calls"].code, facts);
    record(
      problems.length >= 3,
      "content check detects extra operations (b-ten-calls)",
      problems.length >= 3
        ? "paths, operationIds and foreign wire keys all found"
        : `only found: ${problems.join("; ") || "nothing"}`,
    );
  }
} catch (error) {
  record(false, "content a-one-call", String(error?.message ?? error));
}

const failed = results.filter((ok) => !ok).length;
console.log(`budgets: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
