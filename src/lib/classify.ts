// Error codes (Node/undici, in an error's `cause` chain) that prove the request
// never reached the server, so retrying even a POST cannot duplicate it…
const NOT_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT/;
// …and codes of other network failures, after which the request may have arrived.
const NETWORK = /ECONN|EPIPE|ETIMEDOUT|UND_ERR/;

/** Codes found along `error.cause` (depth-limited; AggregateError members included). */
export function causeCodes(error: unknown, depth = 0): string[] {
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown } | null;
  if (!e || typeof e !== "object" || depth > 8) return [];
  const codes = typeof e.code === "string" ? [e.code] : [];
  for (const inner of [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])]) codes.push(...causeCodes(inner, depth + 1));
  return codes;
}

/**
 * Whether what fetch threw is a network failure (whether it proves nothing was
 * sent, and the codes found), or undefined for a problem on the client side.
 * Fetch reports network failures as a TypeError (undici: "fetch failed", with
 * the socket error as `cause`); a known network code anywhere in the chain
 * counts too. A bare TypeError from elsewhere (an invalid header value) or an
 * invalid URL is not one.
 */
export function classifyTransport(error: unknown, thrownByFetch: boolean): { notSent: boolean; codes: string } | undefined {
  const codes = causeCodes(error).join();
  const notSent = NOT_SENT.test(codes);
  const network = notSent || NETWORK.test(codes) || (thrownByFetch && error instanceof TypeError && !codes.includes("ERR_INVALID_URL"));
  return network ? { notSent, codes } : undefined;
}
