import { ClerkFnError } from "./clerkFnError.js";

/** The caller's `signal` aborted the call (during a request or while waiting to retry). */
export class RequestAbortedError extends ClerkFnError {
  override readonly name = "RequestAbortedError";

  constructor(options?: { cause?: unknown }) {
    super("Aborted by the caller", options);
  }
}
