import { bounded, clip } from "./bounded.js";
import type { ClerkErrorsData } from "./clerkErrorsData.js";
import { SDKBaseError } from "./sdkBaseError.js";
import type { HttpErrorInit } from "./sdkBaseError.js";

/**
 * A non-2xx response whose body has Clerk's errors shape. `data.errors[].code`
 * is the stable field to branch on; `data.clerkTraceId` is what Clerk support asks for.
 */
export class ClerkErrors extends SDKBaseError {
  override readonly name = "ClerkErrors";
  declare readonly data: ClerkErrorsData;

  constructor(data: ClerkErrorsData, init: HttpErrorInit) {
    // Bounded: a hostile body may hold thousands of errors or megabyte-long codes.
    const { errors } = data;
    const first = errors[0];
    const codes =
      errors.slice(0, 5).map((e) => clip(e.code, 100)) + (errors.length > 5 ? ` (+${errors.length - 5} more)` : "");
    const trace = data.clerkTraceId ? ` (trace ${clip(data.clerkTraceId, 100)})` : "";
    super(`${codes}: ${clip(first?.longMessage || first?.message || "", 500)}${trace}`, init);
    this.data = data;
  }

  /** toJSON shows `data` bounded: a hostile body may nest thousands of levels deep. */
  protected override jsonFields(): object {
    return { ...super.jsonFields(), data: bounded(this.data) };
  }

  /** Codes of all errors in the body, e.g. `["form_identifier_not_found"]`. */
  get codes(): string[] {
    return this.data.errors.map((e) => e.code);
  }
}
