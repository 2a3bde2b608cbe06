/** What `readBody` returns instead of the text when the body is over the limit. */
export const TOO_LARGE: unique symbol = Symbol("too large");

// One decoder for every body: decode() without `stream` keeps no state between calls,
// and making a TextDecoder per call costs about as much as reading a small body.
const utf8 = new TextDecoder();

/**
 * The response body as text, or TOO_LARGE when it is longer than `maxBytes`
 * (then it is cancelled, not read to the end). A declared Content-Length over
 * the limit is refused before reading; otherwise the bytes are counted as they
 * arrive (a compressed body may inflate far beyond its length). A body that a
 * hook already consumed reads as "".
 */
export async function readBody(response: Response, maxBytes: number): Promise<string | typeof TOO_LARGE> {
  const { body } = response;
  if (response.bodyUsed) return "";
  if (!body) return response.text();
  if (+response.headers.get("content-length")! > maxBytes) return cancel(body);
  const reader = body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (let chunk; !(chunk = await reader.read()).done;) {
    if ((size += chunk.value.byteLength) > maxBytes) return cancel(reader);
    chunks.push(chunk.value);
  }
  // Most answers arrive in one chunk, decoded as it is; a Blob joins more.
  return chunks.length === 1 ? utf8.decode(chunks[0]) : new Blob(chunks).text();
}

function cancel(stream: { cancel(): Promise<void> }): typeof TOO_LARGE {
  stream.cancel().catch(() => {});
  return TOO_LARGE;
}
