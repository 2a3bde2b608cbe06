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

/** A Response whose body ofetch may already have read as text (`_data`). */
export type SentResponse = Response & { _data?: unknown };

/**
 * One HTTP exchange through ofetch, with everything of ofetch's own that would
 * overlap ours switched off: no retries (ours own that), no throwing on 4xx/5xx
 * (the interpreter maps statuses), no JSON parsing. With `readBody` ofetch
 * reads the body as text into `_data` (the fast path: no ReadableStream is
 * created); without it the body is left unread for hooks that want the
 * Response. Rejects with ofetch's FetchError (original error in `cause`) when
 * fetch throws, or with the raw error when reading the body fails.
 */
export function send(fetcher: Fetcher | undefined, request: Request | string, init: RequestInit, readBody: boolean): Promise<SentResponse> {
  return client(fetcher).raw(request, {
    ...init,
    retry: false,
    ignoreResponseError: true,
    responseType: readBody ? "text" : "stream",
  } as Parameters<$Fetch["raw"]>[1]);
}

/** The response body as text, whether ofetch read it already or not. */
export async function bodyText(response: SentResponse): Promise<string> {
  if ("_data" in response && typeof response._data === "string") return response._data;
  if (response.bodyUsed) return "";
  return response.text();
}
