import { childRuntimeSuite, repoBin } from "./harness/child-runtime.js";

// No permissions beyond the stand-in's address: a read of env or files would fail here.
childRuntimeSuite({
  name: "Deno",
  command: repoBin("deno"),
  args: ["run", "--no-prompt", "--allow-net=127.0.0.1", "smoke/node-esm.mjs"],
  probe: ["--version"],
});
