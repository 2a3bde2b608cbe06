// The Clerk API layer (HTTP runtime, schemas, generated functions) is loaded on
// first use, so an app that verifies with `jwtKey` alone never ships or loads it.
// Bundlers split it into its own chunk (or inline it where they cannot split).
type ClerkApi = typeof import("./clerkApi.js");

let loading: Promise<ClerkApi> | undefined;

export function clerkApi(): Promise<ClerkApi> {
  loading ??= import("./clerkApi.js").catch((error: unknown) => {
    loading = undefined; // a failed load may succeed next time
    throw error;
  });
  return loading;
}
