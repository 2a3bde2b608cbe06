import * as v from "valibot";
import type { ClerkCore } from "../core.js";
import { InvalidRequestError } from "../errors/invalidRequestError.js";
import type { EncodedBody, Operation } from "./operation.js";
import type { RequestOptions } from "./request.js";
import { buildUrl } from "./url.js";

export interface Prepared {
  readonly url: string;
  readonly encoded: EncodedBody | undefined;
  /** Caller headers, lower-cased and checked once per call. */
  readonly extraHeaders: Record<string, string> | undefined;
}

/** Validates and renames the input, builds the URL and encodes the body; no I/O. */
export function prepare(core: ClerkCore, op: Operation, input: unknown, options: RequestOptions | undefined): Prepared | Error {
  let wire = (input ?? {}) as Record<string, unknown>;
  if (op.input) {
    const parsed = v.safeParse(op.input, input ?? {});
    if (!parsed.success) return new InvalidRequestError(parsed.issues);
    wire = parsed.output as Record<string, unknown>;
  }
  const url = buildUrl((options?.serverUrl ?? core.serverUrl).replace(/\/+$/, ""), op, wire);
  if (typeof url !== "string") return new InvalidRequestError([url]);
  let encoded: EncodedBody | undefined;
  const body = wire["requestBody"];
  if (op.body && body !== undefined) {
    try {
      encoded = op.body(body);
    } catch (cause) {
      return new InvalidRequestError([{ message: `Request body could not be encoded: ${String(cause)}`, path: [{ key: "requestBody" }] }], { cause });
    }
  }
  let extraHeaders: Record<string, string> | undefined;
  if (options?.headers) {
    try {
      extraHeaders = {};
      new Headers(options.headers as HeadersInit).forEach((value, key) => (extraHeaders![key] = value));
    } catch (cause) {
      return new InvalidRequestError([{ message: `Invalid header in options.headers: ${String(cause)}`, path: [{ key: "headers" }] }], { cause });
    }
  }
  return { url, encoded, extraHeaders };
}
