// Tiny assertions that work in every runtime (no node:assert in workerd without nodejs_compat).
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

export function sameJson(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  check(a === e, `${what}: expected ${e}, got ${a}`);
}

/** A Result that must be ok; otherwise fail with the error's name and message. */
export function valueOf(result, what) {
  if (result && result.ok === true) return result.value;
  const error = result && result.error;
  throw new Error(`${what}: expected ok, got ${error ? `${error.name}: ${error.message}` : JSON.stringify(result)}`);
}

/** A Result that must be an error of the named class. */
export function errorOf(result, name, what) {
  check(result && result.ok === false, `${what}: expected an error result, got ${JSON.stringify(result)}`);
  check(
    result.error && result.error.name === name,
    `${what}: expected ${name}, got ${result.error && result.error.name}: ${result.error && result.error.message}`,
  );
  return result.error;
}
