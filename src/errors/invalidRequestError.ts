import { describeIssues, plainIssues } from "./issues.js";
import type { ValidationIssue } from "./issues.js";

/** The request did not pass validation; nothing was sent. */
export class InvalidRequestError extends Error {
  override readonly name = "InvalidRequestError";
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], options?: { cause?: unknown }) {
    super(`Invalid request, nothing was sent: ${describeIssues(issues)}`, options);
    this.issues = issues;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, issues: plainIssues(this.issues) };
  }
}
