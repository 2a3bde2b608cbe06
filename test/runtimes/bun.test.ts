import { childRuntimeSuite, repoBin } from "./harness/child-runtime.js";

// --no-install: resolve only from the scratch project's node_modules, never auto-install.
childRuntimeSuite({
  name: "Bun",
  command: repoBin("bun"),
  args: ["--no-install", "smoke/node-esm.mjs"],
  probe: ["--version"],
});
