import createClient from "openapi-fetch";
import type { paths } from "../../.work/openapi-typescript/schema.js";

// No validation, no renaming: types only.
export function client({
  serverUrl,
  secretKey,
  fetch,
}: {
  serverUrl: string;
  secretKey: string;
  fetch: typeof globalThis.fetch;
}) {
  const api = createClient<paths>({ baseUrl: serverUrl, headers: { Authorization: `Bearer ${secretKey}` }, fetch });
  return { listUsers: () => api.GET("/users", { params: { query: { limit: 500 } } }) };
}
