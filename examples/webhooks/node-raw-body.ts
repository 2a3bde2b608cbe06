// An Express-style endpoint on plain node:http. With Express, mount the route as
//   app.post("/api/webhooks/clerk", express.raw({ type: "application/json" }), clerkWebhookRoute)
// and do not let express.json() parse this path first: the signature covers the raw bytes.
import type { IncomingMessage, ServerResponse } from "node:http";
import { verifyWebhook } from "../../src/webhooks/index.js";
import type { VerifyWebhookOptions } from "../../src/webhooks/index.js";

export type RawBodyRequest = IncomingMessage & { body?: unknown };

/** What express.raw() does: collect the body bytes into req.body as a Buffer. */
export function rawBody(req: RawBodyRequest, res: ServerResponse, next: () => void): void {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    req.body = Buffer.concat(chunks);
    next();
  });
  req.on("error", () => {
    res.statusCode = 400;
    res.end();
  });
}

export function clerkWebhookRoute(options?: VerifyWebhookOptions) {
  return async (req: RawBodyRequest, res: ServerResponse): Promise<void> => {
    // Node's req.headers (lower-case names, arrays for repeats) is accepted as is.
    const result = await verifyWebhook({ headers: req.headers, body: req.body as Uint8Array }, options);
    res.setHeader("content-type", "application/json");
    if (!result.ok) {
      res.statusCode = 400;
      res.end(JSON.stringify({ error: result.error.reason }));
      return;
    }
    // handle result.value by its type, as in fetch-handler.ts ...
    res.end(JSON.stringify({ received: result.value.type }));
  };
}
