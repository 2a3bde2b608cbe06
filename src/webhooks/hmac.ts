import { utf8 } from "./body.js";

/**
 * HMAC-SHA256 of `${id}.${timestamp}.` followed by the body bytes, exactly as
 * received (the body is never decoded and re-encoded). WebCrypto only, so it
 * runs unchanged on Node, Bun, Deno, Workers and edge runtimes.
 */
export async function signatureBytes(
  key: Uint8Array<ArrayBuffer>,
  id: string,
  timestamp: string,
  body: Uint8Array,
): Promise<Uint8Array> {
  const prefix = utf8.encode(`${id}.${timestamp}.`);
  const content = new Uint8Array(prefix.length + body.length);
  content.set(prefix, 0);
  content.set(body, prefix.length);
  const cryptoKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, content));
}

/** Byte equality whose running time depends only on the lengths, never on where bytes differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
