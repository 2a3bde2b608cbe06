// The one Workers module the test uses; @cloudflare/workers-types is not a dependency.
declare module "cloudflare:workers" {
  export const env: Record<string, unknown>;
}
