import { createClerkClient } from "@clerk/backend";

export interface Options {
  serverUrl: string;
  secretKey: string;
  fetch?: typeof fetch;
}

// @clerk/backend builds `${apiUrl}/${apiVersion}/...` and always uses the global fetch.
export function client({ serverUrl, secretKey }: Options) {
  const clerk = createClerkClient({ secretKey, apiUrl: serverUrl.replace(/\/v1$/, ""), apiVersion: "v1" });
  return {
    getEmailAddress: (id: string) => clerk.emailAddresses.getEmailAddress(id),
  };
}
