import { describeIssues, issuesForJson } from "./issues.js";
import type { ValidationIssue } from "./issues.js";
import { SDKBaseError } from "./sdkBaseError.js";
import type { HttpErrorInit } from "./sdkBaseError.js";

/**
 * A 2xx response whose body does not match the model (missing required field,
 * wrong type, not JSON). Unknown fields and enum values never cause this.
 */
export class ResponseValidationError extends SDKBaseError {
  override readonly name = "ResponseValidationError";
  /** The body as parsed JSON (or the raw text when it was not JSON). */
  declare readonly rawValue: unknown;
  declare readonly issues: readonly ValidationIssue[];

  constructor(rawValue: unknown, issues: readonly ValidationIssue[], init: HttpErrorInit) {
    super(`unexpected response: ${describeIssues(issues)}`, init);
    this.rawValue = rawValue;
    this.issues = issues;
  }

  /** Without the raw value: it is the server's whole body, unbounded. */
  protected override jsonFields(): object {
    return { ...super.jsonFields(), rawValue: undefined, issues: issuesForJson(this.issues) };
  }
}
