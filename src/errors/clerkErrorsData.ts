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

// Kept for callers who validate error bodies themselves; the runtime uses the
// few lines of `parseClerkErrors` below, so this schema is not in its bundle.
// ClerkError$inbound is also the generated models' schema of a verification's `error`.
export const ClerkError$inbound = inbound<ClerkError>({
  code: v.string(),
  message: v.string(),
  longMessage: v.nullish(v.string()),
  meta: v.nullish(freeForm()),
});

export const ClerkErrorsData$inbound = inbound<ClerkErrorsData>({
  errors: ["errors", v.array(ClerkError$inbound)],
  meta: ["meta", v.nullish(freeForm())],
  clerkTraceId: ["clerk_trace_id", v.nullish(v.string())],
});

type Wire = Record<string, unknown> | null | undefined;
const text = (value: unknown) => (typeof value === "string" ? value : undefined);
const object = (value: unknown) =>
  value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;

/**
 * The parsed Clerk errors body, or undefined if `value` does not have that shape:
 * a non-empty `errors` array whose items have a string `code` and `message`.
 * Lenient like every response: unknown keys are ignored, optional fields of the
 * wrong type are left out.
 */
export function parseClerkErrors(value: unknown): ClerkErrorsData | undefined {
  const errors = (value as Wire)?.["errors"] as Wire[] | undefined;
  if (
    !Array.isArray(errors) ||
    !errors[0] ||
    !errors.every((e) => typeof e?.["code"] === "string" && typeof e["message"] === "string")
  )
    return undefined;
  const body = value as Record<string, unknown>;
  return {
    errors: errors.map((e) => ({
      code: e!["code"] as string,
      message: e!["message"] as string,
      longMessage: text(e!["long_message"]),
      meta: object(e!["meta"]),
    })),
    meta: object(body["meta"]),
    clerkTraceId: text(body["clerk_trace_id"]),
  };
}
