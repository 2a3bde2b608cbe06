import { verifyWebhook } from "@clerk/backend/webhooks";

export function verify(request: Request, signingSecret: string) {
  return verifyWebhook(request, { signingSecret });
}
