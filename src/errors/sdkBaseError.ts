import { redact } from "../lib/redact.js";

export interface HttpErrorInit {
  readonly response: Response;
  /** The response body as text ("" when empty or unreadable). */
  readonly body: string;
  readonly retryAfterMs?: number | undefined;
  readonly cause?: unknown;
}

/**
 * Base of every error that carries an HTTP response: `ClerkErrors`, `APIError`,
 * `ResponseValidationError`.
 */
export class SDKBaseError extends Error {
  override readonly name: string = "SDKBaseError";
  readonly statusCode: number;
  /** The response body as text. */
  readonly body: string;
  readonly headers: Headers;
  /** Set when the response had a `Retry-After` header (seconds or HTTP date). */
  readonly retryAfterMs?: number;
  /** Not enumerable: a Response does not serialise, and logging it helps no one. */
  declare readonly response: Response;

  constructor(message: string, init: HttpErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.statusCode = init.response.status;
    this.body = init.body;
    this.headers = init.response.headers;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    Object.defineProperty(this, "response", { value: init.response, enumerable: false });
  }

  /** Plain data for logs: no Response object, no request headers, secrets redacted. */
  toJSON(): Record<string, unknown> {
    const headers: Record<string, string> = {};
    this.headers.forEach((value, key) => {
      if (key !== "set-cookie") headers[key] = redact(value);
    });
    return {
      name: this.name,
      message: redact(this.message),
      statusCode: this.statusCode,
      body: redact(this.body.length > 4096 ? `${this.body.slice(0, 4096)}…` : this.body),
      headers,
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
    };
  }
}

/** "404 Not Found" style prefix for messages. */
export function statusText(response: Response): string {
  return response.statusText ? `${response.status} ${response.statusText}` : String(response.status);
}
