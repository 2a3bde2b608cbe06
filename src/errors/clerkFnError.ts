import { redact } from "../lib/redact.js";
import type { ValidationIssue } from "./issues.js";

/**
 * Shared base of every clerk-fn error: one `toJSON` that is safe to log. It
 * keeps the error's own fields, turns Headers into a plain object (without
 * cookies), trims bodies, reduces issues and the cause to plain data (an issue's
 * `input` may hold user data), never includes the Response or the raw value,
 * and redacts secrets in every string.
 */
export class ClerkFnError extends Error {
  toJSON(): Record<string, unknown> {
    const cause = this.cause as (Error & { code?: unknown }) | undefined;
    // `message` and `cause` are not own enumerable fields; `name` is, and comes first.
    // Undefined values (no cause, the raw value) are left out by JSON.stringify.
    const fields = {
      ...(this as object),
      message: this.message,
      rawValue: undefined,
      cause: cause === undefined ? undefined : cause instanceof Error ? { name: cause.name, message: cause.message, code: cause.code } : String(cause),
    };
    return JSON.parse(
      JSON.stringify(fields, (key, value: unknown) =>
        value instanceof Headers
          ? Object.fromEntries([...value].filter(([name]) => name !== "set-cookie"))
          : key === "issues" && Array.isArray(value)
            ? // A webhook event issue's path is already a dotted string.
              (value as ValidationIssue[]).map(({ message, path }) => ({ message, path: Array.isArray(path) ? path.map((p) => p.key) : path }))
            : typeof value === "string"
              ? redact(value.length > 4096 ? `${value.slice(0, 4096)}…` : value)
              : value,
      ),
    ) as Record<string, unknown>;
  }
}
