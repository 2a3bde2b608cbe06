// The floor: what a hand-written call costs. No validation, no renaming.
export interface Options {
  serverUrl: string;
  secretKey: string;
  fetch?: typeof fetch;
}

export function client({ serverUrl, secretKey, fetch: f = fetch }: Options) {
  return {
    async getEmailAddress(id: string): Promise<unknown> {
      const res = await f(`${serverUrl}/email_addresses/${encodeURIComponent(id)}`, {
        headers: { Authorization: `Bearer ${secretKey}`, Accept: "application/json" },
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
  };
}
