import { Webhook } from "svix";

// What Clerk's docs pointed to before verifyWebhook existed.
export async function verify(request: Request, signingSecret: string) {
  const headers = Object.fromEntries(request.headers);
  return new Webhook(signingSecret).verify(await request.text(), headers);
}
