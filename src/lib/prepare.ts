import { safeParse } from "valibot";
import type { ClerkCore } from "../core.js";
import { InvalidRequestError } from "../errors/invalidRequestError.js";
import type { Operation } from "./operation.js";
import type { RequestOptions } from "./request.js";
import { buildUrl } from "./url.js";

export interface Prepared {
  readonly url: string;
  readonly body: BodyInit | undefined;
  /** The body's content type (if any) and the caller's headers, lower-cased and checked. */
  readonly headers: Record<string, string>;
}

/** Validates and renames the input, builds the URL and encodes the body; no I/O. */
export function prepare(core: ClerkCore, op: Operation, input: unknown, options: RequestOptions): Prepared | InvalidRequestError {
  let wire = (input ?? {}) as Record<string, unknown>;
  if (op.input) {
    const parsed = safeParse(op.input, wire);
    if (!parsed.success) return new InvalidRequestError(parsed.issues);
    wire = parsed.output as Record<string, unknown>;
  }
  const url = buildUrl(options.serverUrl ?? core.serverUrl, op, wire);
  if (typeof url !== "string") return new InvalidRequestError([url]);
  // What failed, if something throws: the body encoder, or a header fetch cannot send.
  let key = "requestBody";
  try {
    const body = wire[key];
    const encoded = op.body && body !== undefined ? op.body(body) : undefined;
    key = "options.headers";
    const headers = options.headers ? Object.fromEntries(new Headers(options.headers as HeadersInit)) : {};
    return { url, body: encoded?.body, headers: encoded?.contentType ? { "content-type": encoded.contentType, ...headers } : headers };
  } catch (cause) {
    return new InvalidRequestError([{ message: `cannot be sent: ${cause}`, path: [{ key }] }], { cause });
  }
}
