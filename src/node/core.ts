// The Node entry of clerk-fn/core (the "node" export condition, also taken by Deno and Bun):
// the same exports, plus Node's inspect view of errors, which browser and worker bundles leave out.
import "../lib/inspect-view.js";
export * from "../core.js";
