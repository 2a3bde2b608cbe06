import { createFetch } from "ofetch";
import type { Fetcher } from "../core.js";

type Raw = ReturnType<typeof createFetch>["raw"];

// One ofetch instance per fetch function: building one costs more than the rest
// of a call's HTTP plumbing. `undefined` means globalThis.fetch, looked up per call.
const instances = new WeakMap<Fetcher, Raw>();
let viaGlobal: Raw | undefined;

/**
 * One HTTP exchange through ofetch (`fetcher`, or `globalThis.fetch` looked up
 * now), with everything of ofetch's own that would overlap ours switched off:
 * no retries, no throwing on 4xx/5xx, and the body left unread ("stream"): the
 * hooks may want the Response as it came, and the interpreter reads the text.
 * Rejects with ofetch's FetchError (original error in `cause`) when fetch
 * throws, or with the raw error when building the request fails.
 */
export function send(fetcher: Fetcher | undefined, request: Request | string, init: RequestInit): Promise<Response> {
  const raw = fetcher ? instances.get(fetcher) ?? remember(fetcher) : (viaGlobal ??= createFetch({ fetch: (input, init) => globalThis.fetch(input, init) }).raw);
  return raw(request, { ...init, retry: false, ignoreResponseError: true, responseType: "stream" } as object);
}

function remember(fetcher: Fetcher): Raw {
  const raw = createFetch({ fetch: fetcher as typeof fetch }).raw;
  instances.set(fetcher, raw);
  return raw;
}
