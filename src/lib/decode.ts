import { getGlobalConfig } from "valibot";
import type { BaseIssue, GenericSchema } from "valibot";

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
  const needed = kindOf(schema, json);
  const received = Array.isArray(json) ? "array" : json === null ? "null" : typeof json;
  return { value: dataset.value, issues: dataset.issues ?? [], wrongKind: !!needed && received !== needed };
}

/**
 * The top-level kind a schema needs for this input: "array", "object", or
 * (anything else) none, read from what the schema expects ("Array", "Object":
 * also a union of objects, a record, a free-form map). A lazy schema (e.g. a
 * list-or-envelope response) is asked which schema it picks for the input.
 */
function kindOf(schema: GenericSchema & { getter?: (input: unknown) => GenericSchema }, json: unknown) {
  if (schema.type === "lazy") return kindOf(schema.getter!(json), json);
  const { expects } = schema;
  return expects === "Array" ? "array" : expects === "Object" ? "object" : undefined;
}
