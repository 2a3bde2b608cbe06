import { redact, secretOf } from "../lib/redact.js";
import { bounded, clip, MAX_STRING } from "./bounded.js";
import type { ValidationIssue } from "./issues.js";

/**
 * Shared base of every clerk-fn error: one `toJSON` that is safe to log and
 * never throws. It keeps the error's own fields, turns Headers into a plain
 * object (without cookies), bounds depth, entries and string lengths, reduces
 * issues and the cause to plain data (an issue's `input` may hold user data),
 * never includes the Response or the raw value, and redacts the key that was
 * sent plus anything that looks like a key in every string. `util.inspect`
 * (and so `console.log(error)`) shows the same safe view after the stack.
 */
export class ClerkFnError extends Error {
  toJSON(): Record<string, unknown> {
    const secret = secretOf(this);
    const clean = (text: string) => redact(text, secret);
    try {
      const { issues } = this as { issues?: readonly ValidationIssue[] };
      // `message` and `cause` are not own enumerable fields; `name` is, and comes first.
      // Undefined values (no cause, the raw value) are left out.
      const fields = {
        ...(this as object),
        message: this.message,
        rawValue: undefined,
        // A webhook event issue's path is already a dotted string.
        issues: issues?.map(({ message, path }) => ({ message, path: Array.isArray(path) ? path.map((p) => p.key) : path })),
        cause: this.cause instanceof Error || this.cause === undefined ? this.cause : String(this.cause),
      };
      return bounded(fields, clean) as Record<string, unknown>;
    } catch {
      // A hostile getter or proxy somewhere in the data: fall back to the basics.
      return { name: this.name, message: clean(clip(this.message, MAX_STRING)) };
    }
  }

  /** What `util.inspect` and `console.log` show: the redacted stack, then the toJSON fields. */
  [Symbol.for("nodejs.util.inspect.custom")](_depth: number, options: object, inspect: (value: unknown, options: object) => string): string {
    const { name, message, ...fields } = this.toJSON();
    const stack = String(this.stack ?? "");
    const at = stack.indexOf("\n    at ");
    const frames = at < 0 ? "" : redact(stack.slice(at), secretOf(this));
    return `${String(name)}: ${String(message)}${frames} ${inspect(fields, options)}`;
  }
}
