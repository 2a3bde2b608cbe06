// The parts of an OpenAPI 3.0 document the IR reads, after normalize.ts has
// repaired it (no allOf or anyOf left, every discriminator has a mapping).
// Everything else a document may hold is allowed and ignored.

/** Marks a property that `required` names but `properties` never declares. */
export const UNDECLARED = "x-clerk-fn-undeclared";
/** Marks a 2xx response without content that still has a body (returned as text). */
export const TEXT_BODY = "x-clerk-fn-text";

export interface Schema {
  $ref?: string;
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  format?: string;
  nullable?: boolean;
  deprecated?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /** OpenAPI 3.0: a boolean that makes minimum/maximum exclusive; 3.1: the bound itself. */
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  "x-speakeasy-unknown-values"?: string;
  [UNDECLARED]?: true;
}

interface MediaType {
  schema?: Schema;
}

type Content = Record<string, MediaType>;

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  deprecated?: boolean;
  explode?: boolean;
  schema?: Schema;
}

export interface Reference {
  $ref: string;
}

export interface Response {
  content?: Content;
  [TEXT_BODY]?: true;
}

interface RequestBody {
  required?: boolean;
  content?: Content;
}

export interface Operation {
  operationId: string;
  tags?: string[];
  deprecated?: boolean;
  parameters?: (Parameter | Reference)[];
  requestBody?: RequestBody;
  responses?: Record<string, Response | Reference>;
  /** `[]` for a public endpoint. */
  security?: unknown[];
  "x-speakeasy-group"?: string;
  "x-speakeasy-name-override"?: string;
}

/** A path item: operations by lower-case method, next to keys that are not operations (`parameters`, `summary`). */
export type PathItem = Record<string, Operation | unknown>;

export interface Document {
  openapi?: string;
  info?: { version?: string | number };
  servers?: { url: string }[];
  paths?: Record<string, PathItem>;
  components?: {
    schemas?: Record<string, Schema>;
    responses?: Record<string, Response>;
    parameters?: Record<string, Parameter>;
  };
  "x-speakeasy-retries"?: unknown;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** The operations of a path item, by method (keys that are not methods are skipped). */
export function operationsOf(item: PathItem): [method: string, op: Operation][] {
  return Object.entries(item).filter(
    (entry): entry is [string, Operation] => (METHODS as readonly string[]).includes(entry[0]) && isOperation(entry[1]),
  );
}

function isOperation(value: unknown): value is Operation {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

export const isReference = (value: object): value is Reference =>
  "$ref" in value && typeof (value as Reference).$ref === "string";
