import * as v from "valibot";
import { createClient, createConfig } from "../../.work/hey-api/client/index.js";
import { getUserList } from "../../.work/hey-api/sdk.gen.js";
import { vGetUserListResponse } from "../../.work/hey-api/valibot.gen.js";

/** What hey-api's responseValidator runs on the parsed body (no renaming: keys stay snake_case). */
export function decode(json: unknown) {
  return v.parseAsync(vGetUserListResponse, json);
}

export function client({
  serverUrl,
  secretKey,
  fetch,
}: {
  serverUrl: string;
  secretKey: string;
  fetch: typeof globalThis.fetch;
}) {
  const api = createClient(createConfig({ baseUrl: serverUrl, auth: secretKey, fetch }));
  return { listUsers: () => getUserList({ client: api, query: { limit: 500 } }) };
}
