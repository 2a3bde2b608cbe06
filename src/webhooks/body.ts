import { WebhookVerificationError } from "./errors.js";
import { tagOf } from "./tag.js";

/** The raw request body exactly as received: a string or its bytes. */
export type WebhookBody = string | Uint8Array | ArrayBuffer | ArrayBufferView;

export const utf8 = /* @__PURE__ */ new TextEncoder();

/** The raw bytes of a body given as text or bytes; anything else cannot be verified. */
export function bodyBytes(body: unknown): Uint8Array | WebhookVerificationError {
  if (typeof body === "string") return utf8.encode(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (tagOf(body) === "ArrayBuffer") return new Uint8Array(body as ArrayBuffer);
  return new WebhookVerificationError(
    "invalid-body",
    `The webhook body must be the raw request body as a string or bytes, got ${describeBody(body)}. Read it before any JSON parser runs (e.g. express.raw({ type: "application/json" }), or await request.arrayBuffer()).`,
  );
}

/** What the caller passed instead of the raw body, by its tag so other realms count too. */
function describeBody(body: unknown): string {
  if (body === null || body === undefined) return String(body);
  if (typeof body !== "object") return typeof body;
  const tag = tagOf(body);
  return tag === "Object" || tag === "Array" ? "an already parsed object" : `a ${tag}`;
}

/** Reads a Fetch Request's body once, as bytes. */
export async function requestBytes(request: Request): Promise<Uint8Array | WebhookVerificationError> {
  if (request.bodyUsed) {
    return new WebhookVerificationError(
      "invalid-body",
      "The request body was already read; pass the Request before reading it, or pass { headers, body } with the raw body.",
    );
  }
  try {
    return new Uint8Array(await request.arrayBuffer());
  } catch (cause) {
    return new WebhookVerificationError("invalid-body", "The request body could not be read.", { cause });
  }
}
