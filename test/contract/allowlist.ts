/**
 * Response-side checks that fail because Prism's own answer violates Clerk's
 * spec (a defect of the document, see ../shared/openapi/README.md), not
 * because of the client. Request-side checks (minimal, maximal) can never be
 * listed. An entry whose check starts passing fails the suite, so this list
 * only shrinks.
 */
export type ResponseCheck = "static" | "dynamic" | "errors";

export interface AllowlistEntry {
  /** The generated function's name. */
  readonly fn: string;
  readonly check: ResponseCheck;
  /** Which spec defect makes Prism's response invalid, with the evidence seen. */
  readonly reason: string;
}

export const ALLOWLIST: readonly AllowlistEntry[] = [];
