import { getGlobalConfig } from "valibot";
import type { BaseIssue, GenericSchema } from "valibot";
import { isPlainObject } from "./json.js";

/** How a 2xx body that breaks the spec is handled: kept and reported, or an error. */
export type ResponseValidation = "lenient" | "strict";

/** One way a body breaks its model, as valibot reports it (with `path` to the field). */
export type ResponseIssue = BaseIssue<unknown>;

export interface Decoded<T> {
  /**
   * The body as the model shapes it: known keys in camelCase, unknown keys kept
   * (camelCased, values as sent), and every field that breaks the model kept as
   * the server sent it. When `wrongKind` is set, the input unchanged.
   */
  readonly value: T;
  /** What breaks the model; empty when the body matches it. */
  readonly issues: readonly ResponseIssue[];
  /**
   * The top level is not the kind the model expects (an array or a string where
   * an object belongs): there is no sensible value, in either mode.
   */
  readonly wrongKind: boolean;
}

/**
 * Decodes a parsed JSON value with a model schema without ever failing on its
 * content: the one place that applies the "a response never costs the caller
 * its data" rule, for API responses (response.ts) and for any other body the
 * SDK reads (webhook payloads, JWKS, token verify responses). The caller picks
 * the outcome: lenient returns `value` and reports `issues`; strict turns any
 * issue into an error. Never throws for any JSON input.
 */
export function decodeLenient<T>(schema: GenericSchema<unknown, T>, json: unknown): Decoded<T> {
  // A body of the wrong kind gets the schema's own issue ("Invalid type: Expected
  // Object but received Array") and is left as it is.
  const dataset = schema["~run"]({ value: json }, getGlobalConfig()) as { value: T; issues?: ResponseIssue[] };
  return { value: dataset.value, issues: dataset.issues ?? [], wrongKind: isWrongKind(schema, json) };
}

/**
 * Whether `json` is not of the top-level kind the schema needs, read from what
 * the schema expects ("Array", "Object": also a union of objects, a record, a
 * free-form map; any other schema needs no particular kind). A lazy schema
 * (e.g. a list-or-envelope response) is asked which schema it picks for the input.
 */
function isWrongKind(schema: GenericSchema & { getter?: (input: unknown) => GenericSchema }, json: unknown): boolean {
  if (schema.type === "lazy") return isWrongKind(schema.getter!(json), json);
  const { expects } = schema;
  return expects === "Array" ? !Array.isArray(json) : expects === "Object" && !isPlainObject(json);
}
