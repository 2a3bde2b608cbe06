import { bounded, clip, firstFew } from "./bounded.js";
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
    const errors = firstFew(data.errors, (e) => `${e.code}: ${e.longMessage || e.message}`);
    super(data.clerkTraceId ? `${errors} (trace ${clip(data.clerkTraceId, 100)})` : errors, init);
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
