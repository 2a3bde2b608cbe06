import * as v from "valibot";
import { ClerkCore } from "../../../src/core.js";
import { usersList } from "../../../src/funcs/usersList.js";
import { UserList$inbound } from "../../../src/models/components/userList.js";

/** Validation + camelCase mapping of a parsed body, exactly as usersList's runtime does it. */
export function decode(json: unknown) {
  const out = v.safeParse(UserList$inbound, json);
  if (!out.success) throw new Error(`clerk-fn rejected the body: ${out.issues[0]?.message}`);
  return out.output;
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
  const core = new ClerkCore({ bearerAuth: secretKey, serverUrl, fetch, retryConfig: { strategy: "none" } });
  return { listUsers: () => usersList(core, { limit: 500 }) };
}
