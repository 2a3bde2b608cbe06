import { secretOf } from "../lib/protect.js";
import { redact } from "../lib/redact.js";
import { clip, MAX_STRING } from "./bounded.js";

/**
 * Shared base of every clerk-fn error: one `toJSON` that is safe to log and
 * never throws. It keeps the error's own fields (as `jsonFields` shapes them),
 * cuts strings at 4,096 characters, reduces the cause to its name, message and
 * code, and redacts the key that was sent (see `protect`) plus anything that
 * looks like a key in every string. Errors that carry server data, headers or
 * validation issues reduce them to bounded plain data in `jsonFields`.
 */
export class ClerkFnError extends Error {
  toJSON(): Record<string, unknown> {
    const secret = secretOf(this);
    const clean = (text: string) => redact(clip(text, MAX_STRING), secret);
    try {
      const cause = this.cause as (Error & { code?: unknown }) | undefined;
      // `message` and `cause` are not own enumerable fields; `name` is, and comes first.
      // Undefined values (no cause) are left out by JSON.stringify.
      const fields = {
        ...this.jsonFields(),
        message: this.message,
        cause:
          cause === undefined
            ? undefined
            : cause instanceof Error
              ? { name: cause.name, message: cause.message, code: cause.code }
              : String(cause),
      };
      return JSON.parse(
        JSON.stringify(fields, (_key, value: unknown) => (typeof value === "string" ? clean(value) : value)),
      ) as Record<string, unknown>;
    } catch {
      // A cycle, a bigint or a throwing getter somewhere in the fields: the basics only.
      return { name: this.name, message: clean(this.message) };
    }
  }

  /** The own fields toJSON shows, as plain data; errors override it to bound or reduce theirs. */
  protected jsonFields(): object {
    return this;
  }
}
