/** Header values as Fetch `Headers` or a Node-style record (`req.headers`). */
export type WebhookHeaders =
  | Headers
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

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
  const lookup = toLookup(headers);
  const found: Partial<Record<(typeof NAMES)[number], string>> = {};
  const missing: string[] = [];
  for (const name of NAMES) {
    const value = lookup(`svix-${name}`, name === "signature") || lookup(`webhook-${name}`, name === "signature");
    if (value) found[name] = value;
    else missing.push(`svix-${name}`);
  }
  return missing.length > 0 ? missing : (found as SignatureHeaders);
}

type Lookup = (name: string, joinAll: boolean) => string;

function toLookup(headers: WebhookHeaders | null | undefined): Lookup {
  if (!headers || typeof headers !== "object") return () => "";
  const get = (headers as { get?: unknown }).get;
  if (typeof get === "function") {
    return (name) => {
      try {
        return String(get.call(headers, name) ?? "").trim();
      } catch {
        return "";
      }
    };
  }
  const record = headers as Readonly<Record<string, unknown>>;
  return (name, joinAll) => {
    const values: string[] = [];
    for (const key of Object.keys(record)) {
      if (key.toLowerCase() !== name) continue;
      const value = record[key];
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item === "string" && item.trim() !== "") values.push(item.trim());
      }
    }
    // Repeated signature headers are all candidates. Repeated id or timestamp
    // headers are joined the way Fetch joins them, so they fail as they would there.
    return values.join(joinAll ? " " : ", ");
  };
}
