// A small local stand-in for the Clerk Backend API, so the demo runs with no
// secret key and no internet. It answers a handful of routes the way Clerk
// does (wire names, Clerk error bodies) and is deliberately flaky once.
import { createServer } from "node:http";
import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const now = Date.UTC(2026, 0, 15);

function user(id: string, first: string, last: string, email: string): Record<string, unknown> {
  return {
    id,
    object: "user",
    external_id: null,
    primary_email_address_id: `idn_${id}`,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    username: null,
    first_name: first,
    last_name: last,
    image_url: "https://img.clerk.com/placeholder.png",
    has_image: false,
    public_metadata: { plan_tier: "pro", "Team-Name": "Analytical Engines" },
    private_metadata: {},
    unsafe_metadata: {},
    email_addresses: [
      {
        id: `idn_${id}`,
        object: "email_address",
        email_address: email,
        reserved: false,
        verification: { object: "verification_otp", status: "verified", strategy: "email_code", attempts: 1, expire_at: null },
        linked_to: [],
        matches_sso_connection: false,
        created_at: now,
        updated_at: now,
      },
    ],
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    password_enabled: true,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: now,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    updated_at: now,
    created_at: now,
    delete_self_enabled: true,
    create_organization_enabled: true,
    last_active_at: now,
    legal_accepted_at: null,
  };
}

const users = [user("user_2ada", "Ada", "Lovelace", "ada@example.com"), user("user_2alan", "Alan", "Turing", "alan@example.com")];

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function clerkError(res: ServerResponse, status: number, code: string, message: string, longMessage: string): void {
  send(res, status, { errors: [{ code, message, long_message: longMessage, meta: {} }], clerk_trace_id: `trace_${Math.random().toString(16).slice(2, 10)}` });
}

export interface StandIn {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the stand-in on 127.0.0.1 (ephemeral port); `url` is its `/v1` base. */
export async function startStandIn(secretKey: string): Promise<StandIn> {
  let countCalls = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      return clerkError(res, 401, "authentication_invalid", "Unauthorized request", "The provided secret key is invalid.");
    }
    if (req.method === "GET" && url.pathname === "/v1/users") {
      const limit = Number(url.searchParams.get("limit") ?? 10);
      return send(res, 200, users.slice(0, limit));
    }
    if (req.method === "GET" && url.pathname === "/v1/users/count") {
      // Fails once with 503 so the demo shows a retry.
      if (countCalls++ === 0) return clerkError(res, 503, "service_unavailable", "Service unavailable", "Please retry shortly.");
      return send(res, 200, { object: "total_count", total_count: users.length });
    }
    const match = /^\/v1\/users\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && match) {
      const found = users.find((u) => u["id"] === decodeURIComponent(match[1]!));
      if (found) return send(res, 200, found);
      return clerkError(res, 404, "resource_not_found", "not found", `No user was found with id ${decodeURIComponent(match[1]!)}.`);
    }
    clerkError(res, 404, "resource_not_found", "not found", `The stand-in does not know ${req.method} ${url.pathname}.`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A URL on 127.0.0.1 where nothing listens (a port bound, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}
