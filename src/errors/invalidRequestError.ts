import { ClerkFnError } from "./clerkFnError.js";
import { describeIssues, issuesForJson } from "./issues.js";
import type { ValidationIssue } from "./issues.js";

/** The request did not pass validation; nothing was sent. */
export class InvalidRequestError extends ClerkFnError {
  override readonly name = "InvalidRequestError";
  declare readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], options?: { cause?: unknown }) {
    super(`Invalid request, nothing sent: ${describeIssues(issues)}`, options);
    this.issues = issues;
  }

  protected override jsonFields(): object {
    return { ...this, issues: issuesForJson(this.issues) };
  }
}
