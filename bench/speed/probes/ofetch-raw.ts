// Probe, not a contender: raw fetch's call made through ofetch instead, the way
// clerk-fn's http layer uses it (one instance, raw(), its retries and error
// throwing off, body read by the caller). Its ratio to raw fetch is what ofetch
// alone costs per call, before any of clerk-fn's own work.
import { createFetch } from "ofetch";

export interface Options {
  serverUrl: string;
  secretKey: string;
  fetch?: typeof fetch;
}

export function client({ serverUrl, secretKey, fetch: f = fetch }: Options) {
  const raw = createFetch({ fetch: f }).raw;
  return {
    async getEmailAddress(id: string): Promise<unknown> {
      const res = await raw(`${serverUrl}/email_addresses/${encodeURIComponent(id)}`, {
        headers: { Authorization: `Bearer ${secretKey}`, Accept: "application/json" },
        retry: false,
        ignoreResponseError: true,
        responseType: "stream",
      } as object);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
  };
}
