import { parseRetryAfter } from "../retries/backoff.js";
import { ClerkFnError } from "./clerkFnError.js";

export interface HttpErrorInit {
  readonly response: Response;
  /** The response body as text ("" when empty or unreadable). */
  readonly body: string;
  /** Why the body was not read, when it was not (too large, corrupt encoding). */
  readonly unread?: string | undefined;
  readonly cause?: unknown;
}

/**
 * Base of every error that carries an HTTP response: `ClerkErrors`, `APIError`,
 * `ResponseValidationError`. Messages start with the status: "HTTP 404: …".
 */
export class SDKBaseError extends ClerkFnError {
  override readonly name: string = "SDKBaseError";
  // `declare`: assigned in the constructor, so no separate field definitions are emitted.
  declare readonly statusCode: number;
  /** The response body as text. */
  declare readonly body: string;
  declare readonly headers: Headers;
  /** Set when the response had a `Retry-After` header (seconds or HTTP date). */
  declare readonly retryAfterMs?: number;
  /** Not enumerable: a Response does not serialise, and logging it helps no one. */
  declare readonly response: Response;

  constructor(message: string, init: HttpErrorInit) {
    const { response } = init;
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    // `init` doubles as the Error options: only its `cause` (if any) is read.
    super(`HTTP ${response.status}: ${message}`, init);
    this.statusCode = response.status;
    this.body = init.body;
    this.headers = response.headers;
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
    Object.defineProperty(this, "response", { value: response });
  }

  /** Headers as a plain object, without cookies (toJSON leaves out the undefined). */
  protected override jsonFields(): object {
    return { ...this, headers: { ...Object.fromEntries(this.headers), "set-cookie": undefined } };
  }
}
