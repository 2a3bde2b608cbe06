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
    const first = data.errors[0];
    const trace = data.clerkTraceId ? ` (trace ${data.clerkTraceId})` : "";
    super(`${data.errors.map((e) => e.code)}: ${first?.longMessage || first?.message}${trace}`, init);
    this.data = data;
  }

  /** Codes of all errors in the body, e.g. `["form_identifier_not_found"]`. */
  get codes(): string[] {
    return this.data.errors.map((e) => e.code);
  }
}
