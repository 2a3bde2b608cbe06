import { ClerkCore } from "../../../src/core.js";
import { usersList } from "../../../src/funcs/usersList.js";
import { decodeLenient } from "../../../src/lib/decode.js";
import { UserList$inbound } from "../../../src/models/components/userList.js";

/** Validation + camelCase mapping of a parsed body, exactly as usersList's runtime does it (default, lenient mode). */
export function decode(json: unknown) {
  const out = decodeLenient(UserList$inbound, json);
  if (out.issues.length > 0) throw new Error(`clerk-fn found the body off-spec: ${out.issues[0]?.message}`);
  return out.value;
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
