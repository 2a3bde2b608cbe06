import { clip } from "./bounded.js";
import { SDKBaseError } from "./sdkBaseError.js";
import type { HttpErrorInit } from "./sdkBaseError.js";

/**
 * A non-2xx response without Clerk's errors body: an HTML 502 from a proxy, an
 * empty 404, a status the spec does not declare, a redirect (never followed:
 * Clerk's API does not redirect), or a body that could not be read.
 */
export class APIError extends SDKBaseError {
  override readonly name = "APIError";

  constructor(init: HttpErrorInit) {
    const { headers, status, type } = init.response;
    const location = headers.get("location");
    super(
      type === "opaqueredirect" || (status >= 300 && status < 400)
        ? `redirect not followed${location ? ` (location: ${clip(location, 200)})` : ""}`
        : init.unread
          ? `body not read: ${init.unread}`
          : clip(init.body, 200) || "empty body",
      init,
    );
  }
}
