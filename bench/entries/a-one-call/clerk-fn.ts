import { ClerkCore } from "../../../src/core.js";
import { emailAddressesGet } from "../../../src/funcs/emailAddressesGet.js";

export interface Options {
  serverUrl: string;
  secretKey: string;
  fetch?: typeof fetch;
}

export function client({ serverUrl, secretKey, fetch }: Options) {
  const core = new ClerkCore({ bearerAuth: secretKey, serverUrl, fetch, retryConfig: { strategy: "none" } });
  return {
    getEmailAddress: (id: string) => emailAddressesGet(core, { emailAddressId: id }),
  };
}
