import type { ClerkCore } from "../core.js";
import { APIError } from "../errors/apiError.js";
import { ClerkErrors } from "../errors/clerkErrors.js";
import { parseClerkErrors } from "../errors/clerkErrorsData.js";
import { ResponseValidationError } from "../errors/responseValidationError.js";
import type { HttpErrorInit } from "../errors/sdkBaseError.js";
import { err, ok } from "../types/result.js";
import { decodeLenient } from "./decode.js";
import type { ResponseIssue, ResponseValidation } from "./decode.js";
import type { HookContext } from "./hooks.js";
import type { Operation, ResponseBody } from "./operation.js";
import type { Outcome } from "./outcome.js";

/** How a 2xx response (its body already read into `init.body`) becomes the call's value. */
export type SuccessDecoder = (
  core: ClerkCore,
  op: Operation,
  ctx: HookContext,
  init: HttpErrorInit,
  mode: ResponseValidation,
) => Outcome | Promise<Outcome>;

/**
 * A 2xx body as the operation declares it, without models: "empty" is
 * undefined, "text" the text, anything else the parsed JSON as sent (wire
 * names). What `callJson` returns; `decodeSuccess` adds the models.
 *
 * The declared response for the status is the exact one ("201"), then "2XX",
 * then "default"; if none matches and the operation declares exactly one,
 * that one (a 201 where the spec says 200 should not fail a call that worked).
 */
export function readSuccess(
  op: Operation,
  init: HttpErrorInit,
  spec: ResponseBody | undefined = declaredFor(op, init.response.status),
): Outcome {
  const text = init.body;
  if (spec === "empty" || spec === "text") return ok(spec === "text" ? text : undefined);
  const fail = (message: string) => err(new ResponseValidationError(text, [{ message }], init));
  if (!spec) return fail(`status ${init.response.status} is not declared for ${op.id}`);
  try {
    return ok(JSON.parse(text));
  } catch {
    return fail(text ? "the body is not JSON" : "the body is empty");
  }
}

/**
 * `readSuccess`, then the operation's model (what generated functions use).
 * A body that breaks the model is reported (the `onResponseIssues` hook and
 * one debug-log line naming the paths, never the values) and then, in
 * "lenient" mode, returned as decoded; in "strict" mode it is a
 * ResponseValidationError. A body that is not JSON or not of the top-level
 * kind the model needs is a ResponseValidationError in both modes.
 */
export const decodeSuccess: SuccessDecoder = (core, op, ctx, init, mode) => {
  const spec = declaredFor(op, init.response.status);
  const read = readSuccess(op, init, spec);
  if (!read.ok || typeof spec !== "object") return read;
  const json: unknown = read.value;
  const { value, issues, wrongKind } = decodeLenient(spec, json);
  if (issues.length === 0) return ok(value);
  const outcome = wrongKind || mode === "strict" ? err(new ResponseValidationError(json, issues, init)) : ok(value);
  return report(core, ctx, issues, outcome);
};

function declaredFor(op: Operation, status: number): ResponseBody | undefined {
  const r = op.responses;
  return r[status] ?? r["2XX"] ?? r["default"] ?? onlyOne(Object.values(r));
}

/** Makes a deviation visible: one log line (paths only, no values) and the hook. */
async function report(
  core: ClerkCore,
  ctx: HookContext,
  issues: readonly ResponseIssue[],
  outcome: Outcome,
): Promise<Outcome> {
  core.debugLogger?.issues(ctx, issues, outcome.ok);
  await core.hooks?.issues(ctx, issues);
  return outcome;
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
