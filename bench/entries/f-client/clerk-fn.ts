// The grouped client (clerk-fn/client): one call through `new Clerk(...)`, which
// brings every operation with it, against a-one-call's per-function import.
import { Clerk } from "../../../src/client/index.js";

export interface Options {
  serverUrl: string;
  secretKey: string;
  fetch?: typeof fetch;
}

export function client({ serverUrl, secretKey, fetch }: Options) {
  const clerk = new Clerk({ bearerAuth: secretKey, serverUrl, fetch, retryConfig: { strategy: "none" } });
  return {
    getEmailAddress: (id: string) => clerk.emailAddresses.get({ emailAddressId: id }),
  };
}
