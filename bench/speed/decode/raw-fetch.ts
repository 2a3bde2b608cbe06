// The floor: fetch + JSON.parse.
export function client({
  serverUrl,
  secretKey,
  fetch,
}: {
  serverUrl: string;
  secretKey: string;
  fetch: typeof globalThis.fetch;
}) {
  return {
    async listUsers(): Promise<unknown> {
      const res = await fetch(`${serverUrl}/users?limit=500`, { headers: { Authorization: `Bearer ${secretKey}` } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
  };
}
