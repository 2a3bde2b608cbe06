// Bundler tree-shaking probe: the same operation through the root barrel.
export { usersGet, ClerkCore } from "clerk-fn";
