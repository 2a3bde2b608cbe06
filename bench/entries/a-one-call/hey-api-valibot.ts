import { createClient, createConfig } from "../../.work/hey-api/client/index.js";
import { getEmailAddress } from "../../.work/hey-api/sdk.gen.js";

export interface Options {
  serverUrl: string;
  secretKey: string;
  fetch?: typeof fetch;
}

export function client({ serverUrl, secretKey, fetch }: Options) {
  const api = createClient(createConfig({ baseUrl: serverUrl, auth: secretKey, fetch }));
  return {
    getEmailAddress: (id: string) => getEmailAddress({ client: api, path: { email_address_id: id } }),
  };
}
