import { createFetch } from "ofetch";
import type { Fetcher } from "../core.js";

/**
 * One HTTP exchange through ofetch (`fetcher`, or `globalThis.fetch` looked up
 * now), with everything of ofetch's own that would overlap ours switched off:
 * no retries, no throwing on 4xx/5xx, and the body left unread ("stream"): the
 * hooks may want the Response as it came, and the interpreter reads the text.
 * Rejects with ofetch's FetchError (original error in `cause`) when fetch
 * throws, or with the raw error when building the request fails.
 */
export function send(fetcher: Fetcher | undefined, request: Request | string, init: RequestInit): Promise<Response> {
  return createFetch({ fetch: fetcher as typeof fetch | undefined }).raw(request, {
    ...init,
    retry: false,
    ignoreResponseError: true,
    responseType: "stream",
  } as object);
}
