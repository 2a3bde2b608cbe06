// A raw request to a fake (no SDK in between), so a test controls exactly what is sent:
// query strings, extra body fields, headers. Answers are checked against the spec like any other.
import type { ClerkFake } from "../../../src/testing/index.js";
import { checkedFetch } from "./checked.js";

export interface RawAnswer {
  readonly status: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON as sent
}

/** `path` is under /v1 (e.g. "/users?limit=2"); `checked: false` skips the spec check (paginated answers). */
export async function raw(
  fake: ClerkFake,
  method: string,
  path: string,
  options: { body?: unknown; checked?: boolean; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const fetch = options.checked === false ? fake.fetch : checkedFetch(fake.fetch);
  const response = await fetch(`${fake.serverUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${fake.secretKey}`, "content-type": "application/json", ...options.headers },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
}
