import { childRuntimeSuite, repoBin } from "./harness/child-runtime.js";

childRuntimeSuite({
  name: "Bun",
  command: repoBin("bun"),
  args: ["smoke/node-esm.mjs"],
  probe: ["--version"],
});
