import { ClerkFnError } from "./clerkFnError.js";

/**
 * The server could not be reached or the connection broke (refused, DNS failure,
 * reset, TLS). `cause` holds the underlying error; `notSent` is true when the
 * error proves the request never left (so even a POST was safe to retry).
 */
export class ConnectionError extends ClerkFnError {
  override readonly name = "ConnectionError";
  declare readonly notSent: boolean;

  constructor(message: string, options?: { cause?: unknown; notSent?: boolean }) {
    super(message, options);
    this.notSent = !!options?.notSent;
  }
}
