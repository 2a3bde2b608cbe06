import { childRuntimeSuite } from "./harness/child-runtime.js";

childRuntimeSuite({
  name: `Node ${process.versions.node} ESM`,
  command: process.execPath,
  args: ["smoke/node-esm.mjs"],
  probe: ["--version"],
});
