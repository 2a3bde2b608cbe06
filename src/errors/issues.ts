/** A validation problem, as valibot reports it (only the fields we rely on). */
export interface ValidationIssue {
  readonly message: string;
  readonly path?: readonly { readonly key?: unknown }[] | undefined;
}

/** "requestBody.email_address: Invalid type…; …" (first 3 issues). */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => {
    const path = issue.path?.map((p) => String(p.key)).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : "";
  return shown.join("; ") + more;
}

/** Issues without the `input`/`requirement` values valibot attaches (they may hold user data). */
export function plainIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((issue) => {
    const i = issue as ValidationIssue & Record<string, unknown>;
    return {
      kind: i["kind"],
      type: i["type"],
      expected: i["expected"],
      received: i["received"],
      message: i.message,
      path: i.path?.map((p) => ({ key: p.key })),
    };
  });
}
