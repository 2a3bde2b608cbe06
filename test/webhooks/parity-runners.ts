// Runs one parity case through each verifier and reports accept or refuse, with
// what the verifier said, so a failing comparison shows both answers.
import { verifyWebhook as clerkVerifyWebhook } from "@clerk/backend/webhooks";
import { Webhook } from "svix";
import { verifyWebhook, verifyWebhookSignature } from "../../src/webhooks/index.js";
import type { HeaderLine, ParityCase } from "./parity-cases.js";

export interface Answer {
  readonly accepted: boolean;
  /** The reference's error message, or our reason. */
  readonly said: string;
}

/** The header lines as Node's `req.headers` would hold them: a repeated name joined by ", ". */
function headerRecord(lines: readonly HeaderLine[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of lines) record[name] = name in record ? `${record[name]}, ${value}` : value;
  return record;
}

function toRequest(c: ParityCase): Request {
  const headers = new Headers({ "content-type": "application/json" });
  for (const [name, value] of c.headers) headers.append(name, value);
  return new Request("https://example.test/api/webhooks/clerk", { method: "POST", headers, body: c.body });
}

/** Node's Buffer where the runtime has one: svix reads only a string or a Buffer. */
function svixPayload(body: string | Uint8Array): string | Uint8Array {
  return typeof body === "string" ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

/** svix 2.5.0: `verify` returns nothing and throws on anything it refuses; the constructor throws on an unreadable secret. */
export function svixAnswer(c: ParityCase): Answer {
  try {
    new Webhook(c.secret).verify(svixPayload(c.body) as string, headerRecord(c.headers));
    return { accepted: true, said: "verified" };
  } catch (error) {
    return { accepted: false, said: (error as Error).message };
  }
}

/** @clerk/backend 3.25.0 `verifyWebhook(request, { signingSecret })`: resolves to the event or rejects. */
export async function clerkAnswer(c: ParityCase): Promise<Answer> {
  try {
    await clerkVerifyWebhook(toRequest(c), { signingSecret: c.secret });
    return { accepted: true, said: "verified" };
  } catch (error) {
    return { accepted: false, said: (error as Error).message };
  }
}

/** Ours, as svix is called: the header record and the raw body, signature only. */
export async function ourSignatureAnswer(c: ParityCase): Promise<Answer> {
  const result = await verifyWebhookSignature(
    { headers: headerRecord(c.headers), body: c.body },
    { signingSecret: c.secret },
  );
  return result.ok ? { accepted: true, said: "verified" } : { accepted: false, said: result.error.reason };
}

/** Ours, as @clerk/backend is called: a Fetch Request, decoded to an event. */
export async function ourEventAnswer(c: ParityCase): Promise<Answer> {
  const result = await verifyWebhook(toRequest(c), { signingSecret: c.secret });
  return result.ok ? { accepted: true, said: "verified" } : { accepted: false, said: result.error.reason };
}
