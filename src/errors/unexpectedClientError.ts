import { transportJson } from "./transportJson.js";

/**
 * Anything else that went wrong on the client side: a throwing hook, token
 * provider or custom fetch, a body that could not be encoded. `cause` holds
 * what was thrown.
 */
export class UnexpectedClientError extends Error {
  override readonly name = "UnexpectedClientError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  toJSON(): Record<string, unknown> {
    return transportJson(this);
  }
}
