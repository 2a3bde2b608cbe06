import { createFetch, ofetch } from "ofetch";
import type { Fetcher } from "../core.js";

type Raw = typeof ofetch.raw;

// One ofetch instance per fetch function: building one costs more than the rest
// of a call's HTTP plumbing. Without a custom fetch, ofetch's own default
// instance is used: it looks up globalThis.fetch on every call.
const instances = new WeakMap<Fetcher, Raw>();

/**
 * One HTTP exchange through ofetch (`fetcher`, or `globalThis.fetch` looked up
 * now), with everything of ofetch's own that would overlap ours switched off:
 * no retries, no throwing on 4xx/5xx, and the body left unread ("stream"): the
 * hooks may want the Response as it came, and the interpreter reads the text.
 * Rejects with ofetch's FetchError (original error in `cause`) when fetch
 * throws, or with the raw error when building the request fails.
 */
export function send(fetcher: Fetcher | undefined, request: Request | string, init: RequestInit): Promise<Response> {
  let raw = fetcher ? instances.get(fetcher) : ofetch.raw;
  if (!raw) instances.set(fetcher!, (raw = createFetch({ fetch: fetcher as typeof fetch }).raw));
  return raw(request, { ...init, retry: false, ignoreResponseError: true, responseType: "stream" } as object);
}
