/** What `readBody` returns instead of the text when the body is over the limit. */
export const TOO_LARGE: unique symbol = Symbol("too large");

/**
 * The response body as text, or TOO_LARGE when it is longer than `maxBytes`
 * (then it is cancelled, not read to the end). A declared Content-Length over
 * the limit is refused before reading; a body without one, or compressed (it
 * may inflate far beyond its length), is counted as it arrives. A body that a
 * hook already consumed reads as "".
 */
export async function readBody(response: Response, maxBytes: number): Promise<string | typeof TOO_LARGE> {
  if (response.bodyUsed) return "";
  if (!response.body) return response.text();
  const length = response.headers.get("content-length");
  const encoding = response.headers.get("content-encoding");
  if (length !== null && +length > maxBytes) return cancel(response.body);
  // Fast path: a declared length within the limit, not compressed (fetch enforces the length).
  if (length !== null && (!encoding || encoding === "identity")) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) return cancel(reader);
    text += decoder.decode(value, { stream: true });
  }
}

function cancel(stream: { cancel(): Promise<void> }): typeof TOO_LARGE {
  stream.cancel().catch(() => {});
  return TOO_LARGE;
}
