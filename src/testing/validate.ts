// Request bodies checked the way Clerk checks them, before anything is stored:
// a missing required field is 422 form_param_missing, a field of the wrong type or
// outside its range is 422 form_param_format_invalid. Each handler declares the
// fields it reads (from the spec's request schema); fields it does not read are ignored.
import { formatInvalid, malformedBody, paramMissing } from "./errors.js";

export type FieldType = "string" | "boolean" | "integer" | "object" | "string[]" | "any";

export interface Field {
  readonly type: FieldType;
  readonly required?: boolean;
  /** `null` is accepted (the spec's `nullable: true`) and means "not set". */
  readonly nullable?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly oneOf?: readonly string[];
  /** Extra format check on strings (email address, phone number...). */
  readonly format?: (value: string) => string | undefined;
}

export type BodySpec = Readonly<Record<string, Field>>;
export type Body = Record<string, unknown>;

function typeMatches(type: FieldType, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "integer":
      return Number.isInteger(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "string[]":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
    case "any":
      return true;
  }
}

function checkField(name: string, field: Field, value: unknown): void {
  if (value === undefined || (value === null && field.nullable)) {
    if (field.required) throw paramMissing(name);
    return;
  }
  if (!typeMatches(field.type, value)) throw formatInvalid(name, `must be of type ${field.type}`);
  if (typeof value === "number") {
    if (field.min !== undefined && value < field.min) throw formatInvalid(name, `must be at least ${field.min}`);
    if (field.max !== undefined && value > field.max) throw formatInvalid(name, `must be at most ${field.max}`);
  }
  if (typeof value === "string") {
    if (field.required && value.trim() === "") throw paramMissing(name);
    if (field.oneOf && !field.oneOf.includes(value))
      throw formatInvalid(name, `must be one of ${field.oneOf.join(", ")}`);
    const problem = field.format?.(value);
    if (problem) throw formatInvalid(name, problem);
  }
  if (Array.isArray(value) && field.format) {
    for (const item of value) {
      const problem = field.format(String(item));
      if (problem) throw formatInvalid(name, problem);
    }
  }
}

/** Throws the Clerk error for the first problem; returns the body as an object otherwise. */
export function validateBody(body: unknown, spec: BodySpec): Body {
  const input = body ?? {};
  if (typeof input !== "object" || Array.isArray(input)) throw malformedBody();
  for (const [name, field] of Object.entries(spec)) checkField(name, field, (input as Body)[name]);
  return input as Body;
}

/** The spec's array-of-objects bodies (bulk endpoints). */
export function validateBodyList(body: unknown, spec: BodySpec): Body[] {
  if (!Array.isArray(body)) throw formatInvalid("body", "must be an array");
  if (body.length === 0) throw paramMissing("body");
  return body.map((item) => validateBody(item, spec));
}

/** An RFC 3339 date-time field (`created_at`...) as ms since the epoch; undefined when not sent. */
export function dateTimeField(name: string, value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw formatInvalid(name, "must be an RFC 3339 date-time");
  return ms;
}

export const emailFormat = (value: string): string | undefined =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : "must be a valid email address";

export const phoneFormat = (value: string): string | undefined =>
  /^\+[1-9]\d{6,14}$/.test(value) ? undefined : "must be a valid phone number in international (E.164) format";
