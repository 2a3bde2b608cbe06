import { safeParse } from "valibot";
import { APIError } from "../errors/apiError.js";
import { ClerkErrors } from "../errors/clerkErrors.js";
import { parseClerkErrors } from "../errors/clerkErrorsData.js";
import { ResponseValidationError } from "../errors/responseValidationError.js";
import type { HttpErrorInit } from "../errors/sdkBaseError.js";
import { err, ok } from "../types/result.js";
import type { Operation } from "./operation.js";
import type { Outcome } from "./outcome.js";

/**
 * Decodes a 2xx response (its body already read into `init.body`) into the
 * operation's value, leniently. The declared response for the status is the
 * exact one ("201"), then "2XX", then "default"; if none matches and the
 * operation declares exactly one, that one (a 201 where the spec says 200
 * should not fail a call that worked).
 */
export function decodeSuccess(op: Operation, init: HttpErrorInit): Outcome {
  const r = op.responses;
  const status = init.response.status;
  const spec = r[status] ?? r["2XX"] ?? r["default"] ?? onlyOne(Object.values(r));
  const text = init.body;
  // "empty" or "text": no JSON to decode.
  if (typeof spec === "string") return ok(spec === "text" ? text : undefined);
  const fail = (message: string) => err(new ResponseValidationError(text, [{ message }], init));
  if (!spec) return fail(`status ${status} is not declared for ${op.id}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(text ? "the body is not JSON" : "the body is empty");
  }
  const parsed = safeParse(spec, json);
  return parsed.success ? ok(parsed.output) : err(new ResponseValidationError(json, parsed.issues, init));
}

const onlyOne = <T>(list: T[]): T | undefined => (list.length === 1 ? list[0] : undefined);

/** The error for a non-2xx response: Clerk's errors body → ClerkErrors, anything else → APIError. */
export function decodeError(init: HttpErrorInit): ClerkErrors | APIError {
  let json: unknown;
  try {
    json = JSON.parse(init.body);
  } catch {
    // not JSON: not Clerk's errors body either
  }
  const data = parseClerkErrors(json);
  return data ? new ClerkErrors(data, init) : new APIError(init);
}
