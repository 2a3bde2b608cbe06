// Every export of the package: the root entry plus every subpath (funcs, models),
// as an app that does `import * as clerk` of each would keep them.
export * from "../../../src/index.js";
export * from "../../../src/funcs/index.js";
export * as components from "../../../src/models/components/index.js";
export * as operations from "../../../src/models/operations/index.js";
