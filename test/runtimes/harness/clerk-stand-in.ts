import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

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
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res, options, attempts).catch((error: unknown) => send(res, 500, clerkErrors("internal", String(error))));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((closed) => {
        // The timeout scenario leaves requests hanging on purpose.
        for (const socket of sockets) socket.destroy();
        server.close(() => closed());
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: StandInOptions,
  attempts: Map<string, number>,
): Promise<void> {
  const rawUrl = req.url ?? "/";
  const [rawPath = "/", rawQuery = ""] = rawUrl.split("?", 2);
  const segments = rawPath.split("/").slice(1);
  const method = req.method ?? "GET";

  if (req.headers.authorization !== `Bearer ${options.secretKey}`) {
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
    return send(res, 200, query.getAll("user_id").map((id) => user(id, {})));
  }

  if (segments[1] === "users" && segments.length === 2 && method === "POST") {
    if (!String(req.headers["content-type"]).startsWith("application/json")) {
      return send(res, 400, clerkErrors("form_param_invalid", `content-type ${req.headers["content-type"]}`));
    }
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => done(Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function clerkErrors(code: string, message: string) {
  return { errors: [{ code, message, long_message: message, meta: {} }], meta: {}, clerk_trace_id: TRACE_ID };
}

function emailAddress(address: string, index: number) {
  return {
    id: `idn_${index}`,
    object: "email_address",
    email_address: address,
    reserved: false,
    verification: null,
    linked_to: [],
    created_at: 1700000000000,
    updated_at: 1700000000000,
  };
}

/** A User with every required field of the 2026-05-12 spec. */
function user(id: string, overrides: Record<string, unknown>) {
  return {
    id,
    object: "user",
    external_id: null,
    primary_email_address_id: null,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    username: null,
    first_name: "Grace",
    last_name: "Hopper",
    has_image: false,
    public_metadata: {},
    email_addresses: [],
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    password_enabled: false,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: null,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: null,
    created_at: 1700000000000,
    updated_at: 1700000000000,
    delete_self_enabled: true,
    create_organization_enabled: true,
    last_active_at: null,
    legal_accepted_at: null,
    ...overrides,
  };
}
