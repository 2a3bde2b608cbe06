import type { ServerResponse } from "node:http";
import { wireClerkErrors, wireEmailAddress, wireUser } from "../../support/builders.js";
import { sendJson, startHttpServer, type SeenRequest } from "../../support/http-server.js";

/**
 * A tiny stand-in for the Clerk Backend API on 127.0.0.1, shared by every runtime.
 * It only answers what the smoke scenarios need, and answers wrongly-encoded
 * requests with a 400 that names the problem, so a failing runtime says why.
 */
export interface StandIn {
  readonly url: string;
  close(): Promise<void>;
}

export interface StandInOptions {
  readonly secretKey: string;
  readonly jwks: { keys: unknown[] };
}

const TRACE_ID = "trace_smoke";

export async function startClerkStandIn(options: StandInOptions): Promise<StandIn> {
  const attempts = new Map<string, number>();
  // The timeout scenario leaves requests hanging on purpose; close() ends them.
  const server = await startHttpServer((seen, res) => handle(seen, res, options, attempts));
  return { url: `${server.url}/v1`, close: () => server.close() };
}

function handle(seen: SeenRequest, res: ServerResponse, options: StandInOptions, attempts: Map<string, number>): void {
  const rawUrl = seen.target || "/";
  const [rawPath = "/", rawQuery = ""] = rawUrl.split("?", 2);
  const segments = rawPath.split("/").slice(1);
  const method = seen.method || "GET";

  if (seen.headers.authorization !== `Bearer ${options.secretKey}`) {
    return send(res, 401, clerkErrors("authorization_invalid", "missing or wrong bearer token"));
  }
  if (segments[0] !== "v1") return send(res, 404, clerkErrors("resource_not_found", `no route ${rawPath}`));

  if (method === "GET" && segments.length === 2 && segments[1] === "jwks") return send(res, 200, options.jwks);

  if (segments[1] === "users" && segments.length === 3 && method === "GET") {
    const userId = decodeURIComponent(segments[2] ?? "");
    if (userId === "user_missing") return send(res, 404, clerkErrors("resource_not_found", "user not found"));
    if (userId.startsWith("hang_")) return; // never answers: the timeout scenario
    if (userId.startsWith("flaky_")) {
      const attempt = (attempts.get(userId) ?? 0) + 1;
      attempts.set(userId, attempt);
      if (attempt === 1) return send(res, 503, clerkErrors("service_unavailable", "try again"));
      return send(res, 200, user(userId, { first_name: `attempt ${attempt}` }));
    }
    return send(res, 200, user(userId, {}));
  }

  if (segments[1] === "users" && segments.length === 2 && method === "GET") {
    const query = new URLSearchParams(rawQuery);
    if (query.get("limit") !== "3" || query.get("order_by") !== "-created_at") {
      return send(res, 400, clerkErrors("form_param_invalid", `unexpected query ${rawQuery}`));
    }
    return send(
      res,
      200,
      query.getAll("user_id").map((id) => user(id, {})),
    );
  }

  if (segments[1] === "users" && segments.length === 2 && method === "POST") {
    if (!String(seen.headers["content-type"]).startsWith("application/json")) {
      return send(res, 400, clerkErrors("form_param_invalid", `content-type ${seen.headers["content-type"]}`));
    }
    const body = JSON.parse(seen.body.toString("utf8")) as Record<string, unknown>;
    const emails = Array.isArray(body.email_address) ? (body.email_address as string[]) : [];
    return send(
      res,
      200,
      user("user_created", {
        first_name: body.first_name ?? null,
        external_id: body.external_id ?? null,
        public_metadata: body.public_metadata ?? {},
        email_addresses: emails.map(emailAddress),
      }),
    );
  }

  return send(res, 404, clerkErrors("resource_not_found", `no route ${method} ${rawPath}`));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  sendJson(res, status, body);
}

function clerkErrors(code: string, message: string) {
  return wireClerkErrors(code, message, TRACE_ID);
}

function emailAddress(address: string, index: number) {
  return wireEmailAddress({
    id: `idn_${index}`,
    email_address: address,
    verification: null,
    updated_at: 1700000000000,
  });
}

/** A User as Clerk sends it: the shared builder with the name the scenarios check. */
function user(id: string, overrides: Record<string, unknown>) {
  return wireUser({
    id,
    first_name: "Grace",
    last_name: "Hopper",
    primary_email_address_id: null,
    email_addresses: [],
    public_metadata: {},
    updated_at: 1700000000000,
    ...overrides,
  });
}
