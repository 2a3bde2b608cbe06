import createClient from "openapi-fetch";
import type { paths } from "../../.work/openapi-typescript/schema.js";

export interface Options {
  serverUrl: string;
  secretKey: string;
  fetch?: typeof fetch;
}

export function client({ serverUrl, secretKey, fetch }: Options) {
  const api = createClient<paths>({ baseUrl: serverUrl, headers: { Authorization: `Bearer ${secretKey}` }, fetch });
  return {
    getEmailAddress: (id: string) =>
      api.GET("/email_addresses/{email_address_id}", { params: { path: { email_address_id: id } } }),
  };
}
