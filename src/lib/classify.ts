// Error codes (Node/undici, in an error's `cause` chain) that prove the request
// never reached the server, so retrying even a POST cannot duplicate it…
const NOT_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT/;
// …and codes of other network failures, after which the request may have arrived.
const NETWORK = /ECONN|EPIPE|ETIMEDOUT|UND_ERR/;

/** Codes found along `error.cause`, space-separated (depth-limited; AggregateError members included). */
export function causeCodes(error: unknown): string {
  let codes = "";
  const queue = [error];
  for (let i = 0; i < queue.length && i < 16; i++) {
    const e = queue[i] as { code?: unknown; cause?: unknown; errors?: unknown } | null;
    if (e && typeof e === "object") {
      if (typeof e.code === "string") codes += `${e.code} `;
      queue.push(e.cause, ...(Array.isArray(e.errors) ? e.errors : []));
    }
  }
  return codes;
}

/**
 * Whether what fetch threw is a network failure (and whether it proves nothing
 * was sent), or undefined for a problem on the client side. Fetch reports
 * network failures as a TypeError (undici: "fetch failed", with the socket error
 * as `cause`); a known network code anywhere in the chain counts too. A bare
 * TypeError from elsewhere (an invalid header value) or an invalid URL is not one.
 */
export function classifyTransport(error: unknown, thrownByFetch: boolean): { notSent: boolean } | undefined {
  const codes = causeCodes(error);
  const notSent = NOT_SENT.test(codes);
  const network = notSent || NETWORK.test(codes) || (thrownByFetch && error instanceof TypeError && !codes.includes("ERR_INVALID_URL"));
  return network ? { notSent } : undefined;
}
