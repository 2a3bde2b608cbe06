import { transportJson } from "./transportJson.js";

/** An attempt took longer than `timeoutMs` (the request may have reached the server). */
export class RequestTimeoutError extends Error {
  override readonly name = "RequestTimeoutError";
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super(`Request timed out after ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }

  toJSON(): Record<string, unknown> {
    return transportJson(this, { timeoutMs: this.timeoutMs });
  }
}
