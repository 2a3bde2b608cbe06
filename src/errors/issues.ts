import { firstFew } from "./bounded.js";

/** A validation problem, as valibot reports it (only the fields we rely on). */
export interface ValidationIssue {
  readonly message: string;
  readonly path?: readonly { readonly key?: unknown }[] | undefined;
}

/** An issue's path as dotted keys, e.g. "data.email_addresses.0.id"; "" for the top level. */
export const pathText = (path: ValidationIssue["path"]): string =>
  (path ?? []).map((step) => String(step.key)).join(".");

/** "requestBody.email_address: Invalid type…; …" (the first 3 issues, see `firstFew`). */
export const describeIssues = (issues: readonly ValidationIssue[]): string =>
  firstFew(issues, ({ message, path }) => (path ? `${pathText(path)}: ${message}` : message));

/**
 * Issues as toJSON shows them: the first 50, each reduced to its message and
 * path keys (an issue's `input` may hold user data).
 */
export function issuesForJson(issues: readonly ValidationIssue[]): object[] {
  return issues.slice(0, 50).map(({ message, path }) => ({ message, path: path?.map((step) => step.key) }));
}

/** The issue for a value at `key` (a request field or an option). */
export const issueAt = (key: string, message: string): ValidationIssue => ({ message, path: [{ key }] });
