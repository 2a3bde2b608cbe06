import { redact } from "./redact.js";

// The key each error must not show, for toJSON and inspect (which run later,
// when the key is no longer at hand). A WeakMap: nothing on the error shows it.
const secrets = new WeakMap<object, string>();

/** The key `protect` was given for `error`, if any. */
export const secretOf = (error: object): string | undefined => secrets.get(error);

/**
 * Makes an error the runtime returns safe to print: removes the key (and
 * anything shaped like a key) from its message and stack, remembers the key so
 * `toJSON` hides it in every field, and gives it an inspect view (what
 * `console.log(error)` and `util.inspect` print) made of the redacted stack and
 * the toJSON fields, instead of raw fields such as `body` that hold what the
 * server sent.
 */
export function protect<E extends Error>(error: E, secret: string | undefined): E {
  if (secret) secrets.set(error, secret);
  error.message = redact(error.message, secret);
  if (typeof error.stack === "string") error.stack = redact(error.stack, secret);
  Object.defineProperty(error, Symbol.for("nodejs.util.inspect.custom"), { value: inspectSafely, configurable: true });
  return error;
}

function inspectSafely(
  this: Error & { toJSON?(): Record<string, unknown> },
  _depth: number,
  options: object,
  inspect: (value: unknown, options: object) => string,
): string {
  const { name, message, ...fields } = this.toJSON?.() ?? { name: this.name, message: this.message };
  // The stack's first line is the message as it was at construction: print the current one.
  const frames = String(this.stack)
    .split("\n    at ")
    .slice(1)
    .map((frame) => `\n    at ${frame}`)
    .join("");
  return `${String(name)}: ${String(message)}${frames} ${inspect(fields, options)}`;
}
