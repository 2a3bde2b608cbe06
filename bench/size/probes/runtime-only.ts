// clerk-fn's runtime with no generated operation or model: ClerkCore plus the
// request interpreter driving an inline descriptor whose response is plain text.
import { ClerkCore } from "../../../src/core.js";
import { call } from "../../../src/lib/request.js";

export function get(secretKey: string, id: string) {
  const core = new ClerkCore({ bearerAuth: secretKey });
  return call(
    core,
    { id: "Probe", method: "GET", path: "/probe/{id}", pathParams: ["id"], responses: { "200": "text" } },
    { id },
    undefined,
  );
}
