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
 * now), with everything of ofetch's own that would overlap ours switched off:
 * no retries, no throwing on 4xx/5xx, and the body left unread ("stream"): the
 * hooks may want the Response as it came, and the interpreter reads the text.
 * Rejects with ofetch's FetchError (original error in `cause`) when fetch
 * throws, or with the raw error when building the request fails.
 */
export function send(fetcher: Fetcher = globalFetch, request: Request | string, init: RequestInit): Promise<Response> {
  let raw = instances.get(fetcher);
  if (!raw) instances.set(fetcher, (raw = createFetch({ fetch: fetcher as typeof fetch }).raw));
  return raw(request, { ...init, retry: false, ignoreResponseError: true, responseType: "stream" } as object);
}
