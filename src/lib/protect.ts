import { redact } from "./redact.js";

// The key each error must not show, for toJSON and Node's inspect view
// (inspect-view.ts), which run later, when the key is no longer at hand. A
// WeakMap: nothing on the error shows it.
const secrets = new WeakMap<object, string>();

/** The key `protect` was given for `error`, if any. */
export const secretOf = (error: object): string | undefined => secrets.get(error);

/**
 * Makes an error the runtime returns safe to print: removes the key (and
 * anything shaped like a key) from its message and stack, remembers the key so
 * `toJSON` (and with it Node's inspect view) hides it in every field.
 */
export function protect<E extends Error>(error: E, secret: string | undefined): E {
  if (secret) secrets.set(error, secret);
  error.message = redact(error.message, secret);
  // V8 writes the stack's first line (name and message) when the stack is first
  // read: here at the latest, after the redaction. A stack read earlier (by a hook) is redacted here.
  error.stack &&= redact(error.stack, secret);
  return error;
}
