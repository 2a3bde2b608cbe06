import { secretOf } from "../lib/protect.js";
import { redact } from "../lib/redact.js";
import type { ValidationIssue } from "./issues.js";

/**
 * Shared base of every clerk-fn error: one `toJSON` that is safe to log and
 * never throws. It keeps the error's own fields, turns Headers into a plain
 * object (without cookies), cuts strings at 4,096 characters and issue lists at
 * 50, reduces issues and the cause to plain data (an issue's `input` may hold
 * user data), never includes the Response or the raw value, and redacts the key
 * that was sent (see `protect`) plus anything that looks like a key in every
 * string. Errors that carry server data bound it in `jsonFields`.
 */
export class ClerkFnError extends Error {
  toJSON(): Record<string, unknown> {
    const clean = (text: string) => redact(text.length > 4096 ? `${text.slice(0, 4096)}…` : text, secretOf(this));
    try {
      const cause = this.cause as (Error & { code?: unknown }) | undefined;
      // `message` and `cause` are not own enumerable fields; `name` is, and comes first.
      // Undefined values (no cause, the raw value) are left out by JSON.stringify.
      const fields = {
        ...this.jsonFields(),
        message: this.message,
        rawValue: undefined,
        cause:
          cause === undefined
            ? undefined
            : cause instanceof Error
              ? { name: cause.name, message: cause.message, code: cause.code }
              : String(cause),
      };
      return JSON.parse(
        JSON.stringify(fields, (key, value: unknown) =>
          value instanceof Headers
            ? Object.fromEntries([...value].filter(([name]) => name !== "set-cookie"))
            : key === "issues" && Array.isArray(value)
              ? // A webhook event issue's path is already a dotted string.
                (value as ValidationIssue[])
                  .slice(0, 50)
                  .map(({ message, path }) => ({ message, path: Array.isArray(path) ? path.map((p) => p.key) : path }))
              : typeof value === "string"
                ? clean(value)
                : value,
        ),
      ) as Record<string, unknown>;
    } catch {
      // A cycle, a bigint or a throwing getter somewhere in the fields: the basics only.
      return { name: this.name, message: clean(this.message) };
    }
  }

  /** The own fields toJSON shows; errors that carry server data override it to bound that data. */
  protected jsonFields(): object {
    return this;
  }
}
