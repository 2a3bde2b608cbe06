import type { GenericSchema } from "valibot";
import type { ValidationIssue } from "../errors/issues.js";
import type { Result } from "../types/result.js";

/**
 * The descriptor a generated function hands to the request interpreter.
 * Everything an operation needs is data here, so func files stay tiny and a
 * bundler keeps only the schemas and encoders an operation references.
 */
export interface Operation {
  /** The spec's operationId, used in logs and hook contexts. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Wire path template relative to serverUrl, e.g. "/users/{user_id}". */
  readonly path: string;
  /** Wire names of the path parameters, each a `{name}` in `path`. */
  readonly pathParams?: readonly string[];
  /** Builds the query string from the wire-shaped input (`formQuery`); absent when the operation has none. */
  readonly query?: QueryEncoder;
  /** How `requestBody` is sent; absent when the operation has no body. */
  readonly body?: BodyEncoder;
  /**
   * Outbound schema for the whole camelCase request object. It validates and, in
   * the same pass, renames every key to its wire name; the body stays under
   * the key `requestBody`. Absent when the operation takes no input.
   */
  readonly input?: GenericSchema;
  /**
   * 2xx responses by status: "200", "201", "2XX" or "default". A schema means a
   * JSON body validated leniently (and renamed to camelCase in the same pass);
   * "json" means a JSON body returned as parsed, wire names and all (for
   * hand-written callers that check the body themselves); "empty" means no
   * body (the value is undefined); "text" means the body is returned as a
   * string (e.g. HTML).
   */
  readonly responses: Readonly<Record<string, ResponseBody>>;
  /** `false` for public endpoints (`security: []`): the secret key is not sent. */
  readonly auth?: false;
}

/**
 * The query string ("" or "?a=1&b=2") from the wire-shaped input, or the issue
 * when a value cannot be sent. Declared here, not in query.ts, so that the
 * descriptor's types import nothing that imports them back.
 */
export type QueryEncoder = (wire: Record<string, unknown>) => Result<string, ValidationIssue>;

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";

export type ResponseBody = GenericSchema | "json" | "empty" | "text";

/** Turns the wire-shaped body into a fetch body plus its content type (if any). */
export type BodyEncoder = (body: unknown) => EncodedBody;

export interface EncodedBody {
  readonly body: BodyInit;
  /** Absent for multipart: fetch sets the boundary itself. */
  readonly contentType?: string;
}
