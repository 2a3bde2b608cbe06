import { childRuntimeSuite } from "./harness/child-runtime.js";

// require("clerk-fn/funcs/usersList") etc.; the ESM-only deps (jose, ofetch) load through require(esm).
childRuntimeSuite({
  name: `Node ${process.versions.node} CJS`,
  command: process.execPath,
  args: ["smoke/node-cjs.cjs"],
  probe: ["--version"],
});
