import { verifyWebhook } from "../../../src/webhooks/index.js";

export function verify(request: Request, signingSecret: string) {
  return verifyWebhook(request, { signingSecret });
}
