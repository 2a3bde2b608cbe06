import { ClerkFnError } from "../errors/clerkFnError.js";

/**
 * Node's view of every clerk-fn error (what `console.log(error)` and
 * `util.inspect` print in Node, Deno and Bun): the stack, then the toJSON
 * fields, so raw fields such as `body` (what the server sent, which could echo
 * the key) never print unbounded or unredacted.
 *
 * Loaded for its side effect by the package's Node entries (src/node/, the
 * "node" export condition); a browser or worker bundle never carries it.
 */
function inspectSafely(
  this: ClerkFnError,
  _depth: number,
  options: object,
  inspect: (value: unknown, options: object) => string,
): string {
  const { name: _name, message: _message, ...fields } = this.toJSON();
  return `${this.stack} ${inspect(fields, options)}`;
}

Object.defineProperty(ClerkFnError.prototype, Symbol.for("nodejs.util.inspect.custom"), {
  value: inspectSafely,
  configurable: true,
  writable: true,
});
