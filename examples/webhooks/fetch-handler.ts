// A Clerk webhook endpoint for any Fetch runtime: Next.js route handlers,
// Cloudflare Workers, Deno, Bun, Hono. In an app, import from "clerk-fn/webhooks".
import { isKnownWebhookEvent, verifyWebhook } from "../../src/webhooks/index.js";
import type { VerifyWebhookOptions } from "../../src/webhooks/index.js";

export async function handleClerkWebhook(request: Request, options?: VerifyWebhookOptions): Promise<Response> {
  // Pass the untouched Request: the signature covers the exact raw body.
  const result = await verifyWebhook(request, options);
  if (!result.ok) {
    // The reason is stable and safe to return; Svix retries non-2xx deliveries.
    return Response.json({ error: result.error.reason }, { status: 400 });
  }
  const event = result.value;
  // Event types Clerk adds later still verify; they arrive as unknown events with raw data.
  if (!isKnownWebhookEvent(event)) return Response.json({ received: event.type, handled: false });

  // Event data is decoded tolerantly (Clerk omits fields over time), so fields are optional.
  let handled: string | null | undefined;
  switch (event.type) {
    case "user.created":
    case "user.updated":
      // upsert the user in your database ...
      handled = event.data.emailAddresses?.find((e) => e.id === event.data.primaryEmailAddressId)?.emailAddress;
      break;
    case "user.deleted":
      // remove the user ...
      handled = event.data.id;
      break;
    default:
      break;
  }
  return Response.json({ received: event.type, handled: handled ?? false });
}
