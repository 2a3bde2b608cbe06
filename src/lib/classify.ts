// Error codes (Node/undici, Bun; in an error's `cause` chain) that prove the
// request never reached the server, so retrying even a POST cannot duplicate it…
const NOT_SENT =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT|ConnectionRefused|FailedToOpenSocket/;
// …and codes of other network failures, after which the request may have arrived.
const NETWORK = /ECONN|EPIPE|ETIMEDOUT|UND_ERR|ConnectionClosed/;
// What runtimes that give no cause say when fetch fails on the network
// (Chromium, Firefox, Safari, Deno, workerd). A TypeError with any other message
// comes from code on the client side (a wrapper bug, an invalid header) and is
// not worth retrying.
const NETWORK_MESSAGE =
  /^(fetch failed|Failed to fetch|NetworkError when attempting to fetch resource|Load failed|error sending request|Network connection lost)/;

/** Codes found along `error.cause` (depth-limited; AggregateError members included). */
function causeCodes(error: unknown, depth = 0): string[] {
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown } | null;
  if (!e || typeof e !== "object" || depth > 8) return [];
  const codes = typeof e.code === "string" ? [e.code] : [];
  for (const inner of [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])])
    codes.push(...causeCodes(inner, depth + 1));
  return codes;
}

/**
 * Whether an error is a network failure (whether it proves nothing was sent,
 * and the codes found), or undefined for a problem on the client side. A known
 * network code anywhere along `cause` counts; so does a TypeError thrown by
 * fetch itself (`thrownByFetch`) with a runtime's network-failure message.
 * A bare TypeError from elsewhere is not a network failure.
 */
export function classifyTransport(
  error: unknown,
  thrownByFetch: boolean,
): { notSent: boolean; codes: string } | undefined {
  const codes = causeCodes(error).join();
  const notSent = NOT_SENT.test(codes);
  const network =
    notSent ||
    NETWORK.test(codes) ||
    (thrownByFetch && error instanceof TypeError && !codes && NETWORK_MESSAGE.test(error.message));
  return network ? { notSent, codes } : undefined;
}
