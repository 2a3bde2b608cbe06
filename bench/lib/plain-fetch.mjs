// For probes only: ofetch swapped for the least that clerk-fn's http layer uses
// of it (`createFetch({ fetch }).raw(request, init)` = one fetch call), to show
// what ofetch costs in bytes and time. Not a clerk-fn build anyone ships.
export const PLAIN_FETCH_SOURCE =
  "export function createFetch(o) { return { raw: (request, init) => o.fetch(request, init) }; }";

/** The swap as a rollup plugin. */
export const plainFetchRollup = {
  name: "ofetch-as-plain-fetch",
  resolveId: (source) => (source === "ofetch" ? "\0ofetch" : null),
  load: (id) => (id === "\0ofetch" ? PLAIN_FETCH_SOURCE : null),
};

/** The swap as an esbuild plugin. */
export const plainFetchEsbuild = {
  name: "ofetch-as-plain-fetch",
  setup(build) {
    build.onResolve({ filter: /^ofetch$/ }, () => ({ path: "ofetch", namespace: "plain-fetch" }));
    build.onLoad({ filter: /.*/, namespace: "plain-fetch" }, () => ({ contents: PLAIN_FETCH_SOURCE, loader: "js" }));
  },
};
