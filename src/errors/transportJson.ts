import { redact } from "../lib/redact.js";

/** Shared toJSON for errors without a response: name, message and a summary of the cause. */
export function transportJson(error: Error, extra?: Record<string, unknown>): Record<string, unknown> {
  const cause = error.cause;
  const out: Record<string, unknown> = { name: error.name, message: redact(error.message), ...extra };
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    out["cause"] = { name: cause.name, message: redact(cause.message), ...(code === undefined ? {} : { code }) };
  } else if (cause !== undefined) {
    out["cause"] = redact(String(cause));
  }
  return out;
}
