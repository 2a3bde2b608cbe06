// Names the README and the guides use in examples without declaring them each
// time. scripts/check-doc-examples.mjs compiles every example with this file.
declare const clerk: import("clerk-fn/core").ClerkCore;
declare const userId: string;
declare const request: Request;
