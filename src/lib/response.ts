import * as v from "valibot";
import { APIError } from "../errors/apiError.js";
import { ClerkErrors } from "../errors/clerkErrors.js";
import { parseClerkErrors } from "../errors/clerkErrorsData.js";
import { ResponseValidationError } from "../errors/responseValidationError.js";
import { parseRetryAfter } from "../retries/backoff.js";
import { err, ok } from "../types/result.js";
import type { Result } from "../types/result.js";
import { bodyText } from "./http.js";
import type { SentResponse } from "./http.js";
import type { Operation, ResponseBody } from "./operation.js";

/**
 * The declared response for a 2xx status: exact ("201"), then "2XX", then
 * "default"; if none matches and the operation declares exactly one response,
 * that one (a 201 where the spec says 200 should not fail a call that worked).
 */
function responseFor(op: Operation, status: number): ResponseBody | undefined {
  const r = op.responses;
  const found = r[String(status)] ?? r["2XX"] ?? r["default"];
  if (found) return found;
  const keys = Object.keys(r);
  return keys.length === 1 ? r[keys[0]!] : undefined;
}

/** Decodes a 2xx response into the operation's value, leniently. */
export async function decodeSuccess(op: Operation, response: SentResponse): Promise<Result<unknown, Error>> {
  const spec = responseFor(op, response.status);
  const text = op.method === "HEAD" ? "" : await bodyText(response);
  if (spec === "empty") return ok(undefined);
  if (spec === "text") return ok(text);
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  const init = { response, body: text, retryAfterMs };
  if (spec === undefined) {
    return err(new ResponseValidationError(text, [{ message: `Status ${response.status} is not declared for ${op.id}` }], init));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const what = text === "" ? "an empty body" : "a body that is not JSON";
    return err(new ResponseValidationError(text, [{ message: `Expected JSON, got ${what}` }], { ...init, cause }));
  }
  const parsed = v.safeParse(spec, json);
  if (!parsed.success) return err(new ResponseValidationError(json, parsed.issues, init));
  return ok(parsed.output);
}

/** Maps a non-2xx response: Clerk's errors body → ClerkErrors, anything else → APIError. */
export async function decodeError(response: SentResponse, retryAfterMs: number | undefined): Promise<Result<never, Error>> {
  const body = await bodyText(response);
  const init = { response, body, retryAfterMs };
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  const data = parseClerkErrors(json);
  return err(data ? new ClerkErrors(data, init) : new APIError(init));
}
