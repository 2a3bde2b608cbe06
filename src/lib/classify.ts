// Error codes (Node/undici, in an error's `cause` chain) that prove the request
// never reached the server, so retrying even a POST cannot duplicate it…
const NOT_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT(_TIMEOUT)?)$/;
// …and codes of other network failures, after which the request may have arrived.
const NETWORK = /^(ECONNRESET|EPIPE|ETIMEDOUT|ECONNABORTED|UND_ERR_\w+)$/;

/** Codes found along `error.cause` (depth-limited; AggregateError members included). */
export function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  const queue: unknown[] = [error];
  for (let i = 0; i < queue.length && i < 16; i++) {
    const e = queue[i] as { code?: unknown; cause?: unknown; errors?: unknown } | null;
    if (!e || typeof e !== "object") continue;
    if (typeof e.code === "string") codes.push(e.code);
    if ("cause" in e) queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return codes;
}

export type TransportKind = { kind: "connection"; notSent: boolean } | { kind: "unexpected" };

/**
 * Whether what fetch threw is a network failure. Fetch reports those as a
 * TypeError (undici: "fetch failed", with the socket error as `cause`); a known
 * network code anywhere in the chain counts too. An invalid URL, or anything
 * else a custom fetch throws, is a problem on the client side instead.
 */
export function classifyTransport(error: unknown, thrownByFetch: boolean): TransportKind {
  const codes = causeCodes(error);
  if (codes.includes("ERR_INVALID_URL")) return { kind: "unexpected" };
  const notSent = codes.some((c) => NOT_SENT.test(c));
  // A bare TypeError means "network error" only from fetch itself; from elsewhere
  // (an invalid header value, say) it is a client-side problem.
  if (notSent || codes.some((c) => NETWORK.test(c)) || (thrownByFetch && error instanceof TypeError)) return { kind: "connection", notSent };
  return { kind: "unexpected" };
}
