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
 * Reads the three Standard Webhooks headers: `svix-*`, or the unbranded
 * `webhook-*` where the `svix-*` one is not sent at all (a blank `svix-*`
 * header still counts as sent, as in svix). Names are case-insensitive, values
 * trimmed, and a blank value counts as missing. Returns the missing `svix-*`
 * names instead when any is absent.
 */
export function readSignatureHeaders(headers: WebhookHeaders | null | undefined): SignatureHeaders | string[] {
  const found: Partial<Record<(typeof NAMES)[number], string>> = {};
  const missing: string[] = [];
  for (const name of NAMES) {
    const value = lookup(headers, isSent(headers, `svix-${name}`) ? `svix-${name}` : `webhook-${name}`, name);
    if (value) found[name] = value;
    else missing.push(`svix-${name}`);
  }
  return missing.length > 0 ? missing : (found as SignatureHeaders);
}

/**
 * Repeated signature headers are all candidates (joined by a space, which
 * separates entries). Repeated id or timestamp headers are joined the way Fetch
 * joins them, so they are read as they would be there. A `get` that throws
 * counts as an absent header.
 */
function lookup(headers: unknown, header: string, name: (typeof NAMES)[number]): string | undefined {
  try {
    return readHeader(headers, header, name === "signature" ? " " : ", ");
  } catch {
    return undefined;
  }
}

/** Whether the header is there at all, blank or not. A source that throws counts as not sending it. */
function isSent(headers: unknown, header: string): boolean {
  try {
    const source = headers as { get?: (name: string) => unknown } & Record<string, unknown>;
    if (typeof source.get === "function") return source.get(header) != null;
    return Object.keys(source).some((key) => key.toLowerCase() === header && source[key] != null);
  } catch {
    return false;
  }
}
