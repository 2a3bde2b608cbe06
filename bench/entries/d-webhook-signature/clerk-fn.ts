import { verifyWebhookSignature } from "../../../src/webhooks/index.js";

// Signature and timestamp only: the verified raw payload, no event decoding.
export function verify(request: Request, signingSecret: string) {
  return verifyWebhookSignature(request, { signingSecret });
}
