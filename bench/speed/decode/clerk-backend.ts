import { createClerkClient } from "@clerk/backend";

// @clerk/backend exports no deserializer, so it is timed through getUserList on a
// stub fetch; decode time = that minus raw fetch + JSON.parse on the same stub.
// getUserList also asks GET /users/count (in parallel), which the stub answers.
export function client({ serverUrl, secretKey }: { serverUrl: string; secretKey: string }) {
  const clerk = createClerkClient({ secretKey, apiUrl: serverUrl.replace(/\/v1$/, ""), apiVersion: "v1" });
  return { listUsers: () => clerk.users.getUserList({ limit: 500 }) };
}
