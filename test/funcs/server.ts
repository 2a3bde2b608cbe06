import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request exactly as it arrived: raw target (path + query, undecoded), headers, body bytes. */
export interface Received {
  readonly method: string;
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export type Reply = (req: Received, res: ServerResponse) => void;

export interface Server {
  readonly url: string;
  /** Requests in arrival order. */
  readonly received: Received[];
  /** How the next requests are answered. */
  reply(handler: Reply): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<Server> {
  const received: Received[] = [];
  let handler: Reply = (_req, res) => res.writeHead(500).end();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r: Received = { method: req.method ?? "", target: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) };
      received.push(r);
      handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    reply: (h) => void (handler = h),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** A User as the API sends it (wire names), with every required field. */
export function wireUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "user_1",
    object: "user",
    username: null,
    first_name: "Ada",
    last_name: null,
    has_image: false,
    primary_email_address_id: "idn_1",
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password_enabled: true,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    email_addresses: [
      {
        id: "idn_1",
        object: "email_address",
        email_address: "ada@example.com",
        reserved: false,
        verification: { object: "verification_otp", status: "verified", strategy: "email_code", attempts: 1, expire_at: 1 },
        linked_to: [],
        created_at: 1700000000000,
        updated_at: 1700000000001,
      },
    ],
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    public_metadata: { plan_tier: "pro", nested_value: { keep_me: true } },
    external_id: null,
    last_sign_in_at: null,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: null,
    created_at: 1700000000000,
    updated_at: 1700000000001,
    delete_self_enabled: true,
    create_organization_enabled: true,
    last_active_at: null,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    legal_accepted_at: null,
    a_field_added_later: "ignored",
    ...overrides,
  };
}
