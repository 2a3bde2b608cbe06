import { createFetch } from "ofetch";
import type { Fetcher } from "../core.js";

type Raw = ReturnType<typeof createFetch>["raw"];

// One ofetch instance per fetch function: building one costs more than the rest
// of a call's HTTP plumbing.
const instances = new WeakMap<Fetcher, Raw>();
// Without a custom fetch: globalThis.fetch, looked up per call.
const globalFetch: Fetcher = (input, init) => globalThis.fetch(input, init);

/**
 * One HTTP exchange through ofetch (`fetcher`, or `globalThis.fetch` looked up
 * now). `init` switches off everything of ofetch's own that would overlap ours
 * (`retry: false`, `ignoreResponseError: true`, `responseType: "stream"`: the
 * hooks may want the Response as it came, and the interpreter reads the text);
 * the caller builds it in one literal, which is measurably faster per call than
 * adding them here. Rejects with ofetch's FetchError (original error in
 * `cause`) when fetch throws, or with the raw error when building the request fails.
 */
export function send(fetcher: Fetcher = globalFetch, request: Request | string, init: OfetchInit): Promise<Response> {
  let raw = instances.get(fetcher);
  if (!raw) instances.set(fetcher, (raw = createFetch({ fetch: fetcher as typeof fetch }).raw));
  return raw(request, init as object);
}

/** RequestInit plus the ofetch options that turn its own behaviour off. */
export interface OfetchInit extends RequestInit {
  readonly retry: false;
  readonly ignoreResponseError: true;
  readonly responseType: "stream";
}
