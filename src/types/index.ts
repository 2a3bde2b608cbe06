export type { Result } from "./result.js";
export { ok, err } from "./result.js";
export { unwrap, unwrapAsync } from "./unwrap.js";
export { valueOr, mapValue } from "./helpers.js";
export type { ValueOf, ErrorOf } from "./helpers.js";
