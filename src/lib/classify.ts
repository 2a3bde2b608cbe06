// Error codes (Node/undici, in an error's `cause` chain) that prove the request
// never reached the server, so retrying even a POST cannot duplicate it.
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_CONNECT",
]);

const NETWORK = new Set([
  ...NOT_SENT,
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ECONNABORTED",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/** Codes found along `error.cause` (depth-limited; AggregateError members included). */
export function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  const queue: unknown[] = [error];
  for (let i = 0; i < queue.length && i < 16; i++) {
    const e = queue[i];
    if (!e || typeof e !== "object") continue;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    if ("cause" in e) queue.push((e as { cause: unknown }).cause);
    if (Array.isArray((e as { errors?: unknown }).errors)) queue.push(...(e as { errors: unknown[] }).errors);
  }
  return codes;
}

export type TransportKind = { kind: "connection"; notSent: boolean } | { kind: "unexpected" };

/**
 * Whether what fetch threw is a network failure. Fetch reports those as a
 * TypeError (undici: "fetch failed", with the socket error as `cause`); a known
 * network code anywhere in the chain counts too. Anything else a custom fetch
 * throws is a bug on the client side, not a connection problem.
 */
export function classifyTransport(error: unknown): TransportKind {
  const codes = causeCodes(error);
  if (codes.includes("ERR_INVALID_URL")) return { kind: "unexpected" };
  const notSent = codes.some((c) => NOT_SENT.has(c));
  if (notSent || codes.some((c) => NETWORK.has(c)) || error instanceof TypeError) return { kind: "connection", notSent };
  return { kind: "unexpected" };
}
