import { createFetch } from "ofetch";
import type { $Fetch } from "ofetch";
import type { Fetcher } from "../core.js";

// Looked up at call time so a fetch installed or replaced later (tests, polyfills) is used.
const globalFetch: Fetcher = (input, init) => globalThis.fetch(input, init);
const clients = new WeakMap<Fetcher, $Fetch>();

function client(fetcher: Fetcher | undefined): $Fetch {
  const key = fetcher ?? globalFetch;
  let $fetch = clients.get(key);
  if (!$fetch) {
    $fetch = createFetch({ fetch: key as typeof globalThis.fetch });
    clients.set(key, $fetch);
  }
  return $fetch;
}

/**
 * One HTTP exchange through ofetch, with everything of ofetch's own that would
 * overlap ours switched off: no retries (ours own that), no throwing on 4xx/5xx
 * (the status is mapped by the interpreter), and no body parsing ("stream"
 * leaves the body unread; the interpreter reads it as text). Rejects with
 * ofetch's FetchError (the original error in `cause`) when fetch throws.
 */
export function send(fetcher: Fetcher | undefined, request: Request | string, init: RequestInit): Promise<Response> {
  return client(fetcher).raw(request, {
    ...init,
    retry: false,
    ignoreResponseError: true,
    responseType: "stream",
  } as Parameters<$Fetch["raw"]>[1]);
}
