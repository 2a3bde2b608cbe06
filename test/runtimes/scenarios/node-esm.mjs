// Node, Deno and Bun entry: the fixtures arrive as the first argument.
import { lib } from "./lib.mjs";
import { RESULT_MARKER, runScenarios } from "./run.mjs";

const arg = typeof Deno === "undefined" ? process.argv[2] : Deno.args[0];
const fixtures = JSON.parse(arg);
console.log(RESULT_MARKER + JSON.stringify(await runScenarios(lib, fixtures)));
