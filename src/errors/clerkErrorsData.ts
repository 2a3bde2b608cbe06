import * as v from "valibot";
import { freeForm, inbound } from "../lib/schema.js";

/** One entry of a Clerk error response. */
export interface ClerkError {
  /** Stable machine-readable code, e.g. `resource_not_found`. */
  readonly code: string;
  readonly message: string;
  readonly longMessage?: string | null | undefined;
  readonly meta?: Record<string, unknown> | null | undefined;
}

/** The body Clerk sends with a 4xx/5xx: `{ errors, meta, clerk_trace_id }`, camelCased. */
export interface ClerkErrorsData {
  readonly errors: readonly ClerkError[];
  readonly meta?: Record<string, unknown> | null | undefined;
  readonly clerkTraceId?: string | null | undefined;
}

// Lenient: unknown keys are ignored; only `errors[].code` and `errors[].message`
// are required, so a body missing them is not a Clerk error (it becomes APIError).
const ClerkError$inbound = inbound<ClerkError>({
  code: ["code", v.string()],
  message: ["message", v.string()],
  longMessage: ["long_message", v.nullish(v.string())],
  meta: ["meta", v.nullish(freeForm())],
});

export const ClerkErrorsData$inbound = inbound<ClerkErrorsData>({
  errors: ["errors", v.array(ClerkError$inbound)],
  meta: ["meta", v.nullish(freeForm())],
  clerkTraceId: ["clerk_trace_id", v.nullish(v.string())],
});

/** The parsed Clerk errors body, or undefined if `value` does not have that shape. */
export function parseClerkErrors(value: unknown): ClerkErrorsData | undefined {
  const parsed = v.safeParse(ClerkErrorsData$inbound, value);
  return parsed.success && parsed.output.errors.length > 0 ? parsed.output : undefined;
}
