// Edge / browser-platform entry (bundled): the caller runs `runScenarios(lib, fixtures)`.
export { lib } from "./lib.mjs";
export { runScenarios } from "./run.mjs";
