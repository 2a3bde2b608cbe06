import { ClerkFnError } from "./clerkFnError.js";

/**
 * Anything else that went wrong on the client side: a throwing hook, token
 * provider or custom fetch, a body that could not be encoded. `cause` holds
 * what was thrown.
 */
export class UnexpectedClientError extends ClerkFnError {
  override readonly name = "UnexpectedClientError";
}
