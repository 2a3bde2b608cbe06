import { createFetch } from "ofetch";
import type { Fetcher } from "../core.js";

/** A Response whose body ofetch may already have read as text (`_data`). */
export type SentResponse = Response & { _data?: unknown };

/**
 * One HTTP exchange through ofetch (`fetcher`, or `globalThis.fetch` looked up
 * now), with everything of ofetch's own that would overlap ours switched off:
 * no retries, no throwing on 4xx/5xx, no JSON parsing. With `readBody` ofetch
 * reads the body as text into `_data` (no ReadableStream is created); without
 * it the body is left unread for hooks that want the Response. Rejects with
 * ofetch's FetchError (original error in `cause`) when fetch throws, or with
 * the raw error when building the request or reading the body fails.
 */
export function send(fetcher: Fetcher | undefined, request: Request | string, init: RequestInit, readBody: boolean): Promise<SentResponse> {
  return createFetch({ fetch: fetcher as typeof fetch | undefined }).raw(request, {
    ...init,
    retry: false,
    ignoreResponseError: true,
    responseType: readBody ? "text" : "stream",
  } as object);
}

/** The response body as text, whether ofetch read it already or not. */
export async function bodyText(response: SentResponse): Promise<string> {
  const data = response._data;
  return typeof data === "string" ? data : response.bodyUsed ? "" : response.text();
}
