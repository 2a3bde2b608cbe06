// The `clerk-fn` root entry: everything the subpaths export, in one import.
// Plain re-exports only, so bundlers keep just what an app uses ("sideEffects": false).
// Models are namespaced: component and operation model names would otherwise
// collide with each other (a request type and a component of the same name).
export * from "./core.js";
export * from "./types/index.js";
export * from "./errors/index.js";
export * from "./retries/index.js";
export * from "./funcs/index.js";
export * as components from "./models/components/index.js";
export * as operations from "./models/operations/index.js";
export * from "./auth/index.js";
export * from "./webhooks/index.js";
export * from "./paginate/index.js";
