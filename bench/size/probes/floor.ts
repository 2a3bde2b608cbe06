// The floor under the one-call goal: the three things every clerk-fn call
// must carry (ofetch as the HTTP layer, valibot, the EmailAddress model that
// emailAddressesGet decodes) with the least glue that makes a call, and none
// of the runtime's features (no retries, hooks, timeouts, typed errors,
// logging, input validation). What is left of the 6,000 B goal above this
// number is all the room the runtime has.
import { createFetch } from "ofetch";
import { safeParse } from "valibot";
import { EmailAddress$inbound } from "../../../src/models/components/emailAddress.js";

const $fetch = createFetch();

export async function get(secretKey: string, id: string) {
  try {
    const response = await $fetch.raw(`https://api.clerk.com/v1/email_addresses/${encodeURIComponent(id)}`, {
      headers: { authorization: `Bearer ${secretKey}` },
      retry: false,
      ignoreResponseError: true,
      responseType: "stream",
    } as object);
    const text = await response.text();
    if (!response.ok) return { ok: false, error: new Error(text) };
    const parsed = safeParse(EmailAddress$inbound, JSON.parse(text));
    return parsed.success ? { ok: true, value: parsed.output } : { ok: false, error: new Error("invalid response") };
  } catch (error) {
    return { ok: false, error };
  }
}
