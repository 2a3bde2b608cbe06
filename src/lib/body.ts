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
  const { body, headers } = response;
  if (response.bodyUsed) return "";
  if (!body) return response.text();
  const length = headers.get("content-length");
  if (+length! > maxBytes) return cancel(body);
  // Fast path: a declared length within the limit, not compressed (fetch enforces the length).
  if (length && !headers.has("content-encoding")) return response.text();
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (let size = 0, chunk; !(chunk = await reader.read()).done;) {
    if ((size += chunk.value.byteLength) > maxBytes) return cancel(reader);
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

function cancel(stream: { cancel(): Promise<void> }): typeof TOO_LARGE {
  stream.cancel().catch(() => {});
  return TOO_LARGE;
}
