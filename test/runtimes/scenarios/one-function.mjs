// Bundler tree-shaking probe: one operation through its own subpath.
export { usersGet } from "clerk-fn/funcs/usersGet";
export { ClerkCore } from "clerk-fn/core";
