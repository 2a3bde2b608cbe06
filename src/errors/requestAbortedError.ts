import { transportJson } from "./transportJson.js";

/** The caller's `signal` aborted the call (during a request or while waiting to retry). */
export class RequestAbortedError extends Error {
  override readonly name = "RequestAbortedError";

  constructor(options?: { cause?: unknown }) {
    super("Request was aborted by the caller", options);
  }

  toJSON(): Record<string, unknown> {
    return transportJson(this);
  }
}
