// A Clerk webhook endpoint for any Fetch runtime: Next.js route handlers,
// Cloudflare Workers, Deno, Bun, Hono. In an app, import from "clerk-fn/webhooks".
import { verifyWebhook } from "../../src/webhooks/index.js";
import type { VerifyWebhookOptions } from "../../src/webhooks/index.js";

export async function handleClerkWebhook(request: Request, options?: VerifyWebhookOptions): Promise<Response> {
  // Pass the untouched Request: the signature covers the exact raw body.
  const result = await verifyWebhook(request, options);
  if (!result.ok) {
    // The reason is stable and safe to return; Svix retries non-2xx deliveries.
    return Response.json({ error: result.error.reason }, { status: 400 });
  }
  const event = result.value;
  switch (event.type) {
    case "user.created":
    case "user.updated":
      // upsert the user in your database ...
      break;
    case "user.deleted":
      // remove the user ...
      break;
    default:
      // Event types you do not handle (or that Clerk adds later) still verify.
      break;
  }
  return Response.json({ received: event.type });
}
