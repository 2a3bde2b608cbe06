import { readHeader, type HeaderSource } from "../lib/headers.js";

/** Header values as Fetch `Headers` or a Node-style record (`req.headers`). */
export type WebhookHeaders = HeaderSource;

export interface SignatureHeaders {
  readonly id: string;
  readonly timestamp: string;
  readonly signature: string;
}

const NAMES = ["id", "timestamp", "signature"] as const;

/**
 * Reads the three Standard Webhooks headers, preferring `svix-*` over the
 * unbranded `webhook-*`. Names are case-insensitive, values trimmed, and an
 * empty value counts as missing. Returns the missing `svix-*` names instead
 * when any is absent.
 */
export function readSignatureHeaders(headers: WebhookHeaders | null | undefined): SignatureHeaders | string[] {
  const found: Partial<Record<(typeof NAMES)[number], string>> = {};
  const missing: string[] = [];
  for (const name of NAMES) {
    const value = lookup(headers, `svix-${name}`, name) ?? lookup(headers, `webhook-${name}`, name);
    if (value) found[name] = value;
    else missing.push(`svix-${name}`);
  }
  return missing.length > 0 ? missing : (found as SignatureHeaders);
}

/**
 * Repeated signature headers are all candidates (joined by a space, which
 * separates entries). Repeated id or timestamp headers are joined the way Fetch
 * joins them, so they fail as they would there. A `get` that throws counts as
 * an absent header.
 */
function lookup(headers: unknown, header: string, name: (typeof NAMES)[number]): string | undefined {
  try {
    return readHeader(headers, header, name === "signature" ? " " : ", ");
  } catch {
    return undefined;
  }
}
