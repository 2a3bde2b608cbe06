import { SDKBaseError } from "./sdkBaseError.js";
import type { HttpErrorInit } from "./sdkBaseError.js";

/**
 * A non-2xx response without Clerk's errors body: an HTML 502 from a proxy, an
 * empty 404, a status the spec does not declare.
 */
export class APIError extends SDKBaseError {
  override readonly name = "APIError";

  constructor(init: HttpErrorInit) {
    const type = init.response.headers.get("content-type");
    super(`${type ? `(${type}) ` : ""}${init.body.slice(0, 200) || "empty body"}`, init);
  }
}
