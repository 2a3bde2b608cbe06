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
 * `console.log(error)` and `util.inspect` print in Node) made of the stack and
 * the toJSON fields, instead of raw fields such as `body` that hold what the
 * server sent.
 */
export function protect<E extends Error>(error: E, secret: string | undefined): E {
  if (secret) secrets.set(error, secret);
  error.message = redact(error.message, secret);
  // V8 writes the stack's first line (name and message) when the stack is first
  // read: here at the latest, after the redaction. A stack read earlier (by a hook) is redacted here.
  error.stack &&= redact(error.stack, secret);
  Object.defineProperty(error, Symbol.for("nodejs.util.inspect.custom"), { value: inspectSafely, configurable: true });
  return error;
}

function inspectSafely(
  // Only the package's errors are protected: they all have toJSON.
  this: Error & { toJSON(): Record<string, unknown> },
  _depth: number,
  options: object,
  inspect: (value: unknown, options: object) => string,
): string {
  const { name: _name, message: _message, ...fields } = this.toJSON();
  return `${this.stack} ${inspect(fields, options)}`;
}
