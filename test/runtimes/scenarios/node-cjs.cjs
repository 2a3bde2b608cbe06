// Node CommonJS entry: clerk-fn is require()d; only the shared scenario runner is ESM.
"use strict";
const lib = require("./lib.cjs");

import("./run.mjs").then(async ({ RESULT_MARKER, runScenarios }) => {
  const fixtures = JSON.parse(process.argv[2]);
  console.log(RESULT_MARKER + JSON.stringify(await runScenarios(lib, fixtures)));
});
