import { ClerkFnError } from "./clerkFnError.js";

/** An attempt took longer than `timeoutMs` (the request may have reached the server). */
export class RequestTimeoutError extends ClerkFnError {
  override readonly name = "RequestTimeoutError";
  declare readonly timeoutMs: number;

  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super(`Timed out after ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}
