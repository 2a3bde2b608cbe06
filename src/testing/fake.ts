// createClerkFake: a stateful Clerk Backend API that runs inside the test process, on any
// runtime with fetch/Request/Response and WebCrypto. One request goes:
//   /v1 path -> spec operation (router) -> secret key -> rate limit / injected failure
//   -> handler (or 501 for an operation the fake does not model) -> JSON answer.
import { installDefaultCatalog } from "./catalog.js";
import type { HandlerContext } from "./context.js";
import { HANDLERS } from "./dispatch.js";
import {
  errorResponse,
  FakeApiError,
  internalError,
  jsonResponse,
  machineSecretKeyInvalid,
  malformedBody,
  notImplemented,
  routeNotFound,
  unauthorized,
} from "./errors.js";
import { Faults, type FailNextOptions, type RateLimitOptions } from "./faults.js";
import { clerkId, secret } from "./ids.js";
import { KeyRing } from "./keys.js";
import { storeToken } from "./handlers/machine-tokens.js";
import { signSessionToken, type SignSessionTokenOptions } from "./session-token.js";
import { WebhookSender, type WebhookDelivery, type WebhookOptions } from "./webhooks.js";
import { readRequestBody } from "./request-body.js";
import { checkRequestFields } from "./request-fields.js";
import { apiPath, matchRoute } from "./router.js";
import { applySeed, type Seed } from "./seed.js";
import { clearStore, createStore } from "./store.js";

export interface ClerkFakeOptions {
  /** Users and organizations to start with (and to return to on `reset()`). */
  readonly seed?: Seed;
  /** The fake's clock, for timestamps and the rate limit window. Default: the real time. */
  readonly now?: () => Date;
  /** The secret key the fake accepts. Default: a fresh `sk_test_…`. */
  readonly secretKey?: string;
  /** Deliver signed webhook events when the fake's data changes. */
  readonly webhooks?: WebhookOptions;
}

/** One request the fake received, for assertions. */
export interface RecordedRequest {
  readonly method: string;
  /** Path under /v1, e.g. "/users/user_2x…" (the unversioned machine paths, "/api_keys", as sent). */
  readonly path: string;
  /** Query parameters; a repeated parameter is an array. */
  readonly query: Readonly<Record<string, string | string[]>>;
  /** The parsed JSON body, or undefined. */
  readonly body: unknown;
  /** The spec operation the request was routed to (undefined for unknown paths). */
  readonly operationId: string | undefined;
  /** The status the fake answered with. */
  status: number;
}

export interface ListenOptions {
  readonly port?: number;
  readonly host?: string;
}

export interface FakeServer {
  /** The server's base URL including /v1, e.g. http://127.0.0.1:4010/v1. */
  readonly url: string;
  close(): Promise<void>;
}

export interface ClerkFake {
  /** The only key the fake accepts; any other gets 401 with Clerk's error body. */
  readonly secretKey: string;
  /** The base URL to give ClerkCore (`serverUrl`), paths under /v1 like Clerk's. */
  readonly serverUrl: string;
  /** A fetch-compatible function that serves the API in-process. */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** The same, for a Request you already have (Fetch handlers, service workers). */
  handle(request: Request): Promise<Response>;
  /** Every request received, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Answer the next matching request(s) with `status` (Clerk's error body, optional Retry-After). */
  failNext(options: FailNextOptions): void;
  /** Answer 429 + Retry-After past this rate, like a development instance (100 per 10 s); undefined turns it off. */
  rateLimit(options: RateLimitOptions | undefined): void;
  /** Back to the seed: data, requests, injected failures and the rate limit are cleared. */
  reset(): void;
  /** Node only: serves the same fake (same state) over HTTP on 127.0.0.1 (default) and an ephemeral port (default). */
  listen(options?: ListenOptions): Promise<FakeServer>;
  /** The PEM public key of the current signing key, for `authenticateRequest(req, { jwtKey })`. */
  readonly jwtKey: string;
  /** The `iss` of the fake's session tokens. */
  readonly issuer: string;
  /** A session token in Clerk's v2 claim format, signed with the fake's key; no server call. */
  signSessionToken(options: SignSessionTokenOptions): Promise<string>;
  /** Replaces the signing key (new kid); tokens signed before no longer match the JWKS or jwtKey. */
  rotateKeys(): Promise<void>;
  /** Every webhook delivery, oldest first, with the receiver's answer. */
  readonly webhookDeliveries: readonly WebhookDelivery[];
  /**
   * An OAuth access token (`oat_…`) as the fake's OAuth server would issue it to `clientId` for
   * `userId`, so the verify operation (and authenticateRequest with acceptsToken "oauth_token")
   * can be tested. Clerk issues these through its Frontend API, which the fake does not serve.
   */
  issueOAuthAccessToken(options: IssueOAuthAccessTokenOptions): string;
}

export interface IssueOAuthAccessTokenOptions {
  readonly userId: string;
  readonly clientId?: string;
  readonly scopes?: readonly string[];
  /** Default: no expiry. */
  readonly expiresInSeconds?: number;
}

/** The operations a machine's secret key may call (Clerk's M2M token endpoints). */
const MACHINE_KEY_OPERATIONS = new Set(["createM2MToken", "verifyM2MToken", "getM2MTokens", "revokeM2MToken"]);

const IN_PROCESS_URL = "https://fake.clerk.test/v1";
const ISSUER = "https://fake.clerk.accounts.dev";

/** Dynamic import through a computed specifier, so workerd/edge bundlers never follow it into node:http. */
async function loadNodeServer(): Promise<{ listen(fake: ClerkFake, options?: ListenOptions): Promise<FakeServer> }> {
  const candidates = ["./listen.js", "./listen.cjs"];
  let lastError: unknown;
  for (const specifier of candidates) {
    try {
      return await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier);
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error("fake.listen() needs Node (node:http); in other runtimes use fake.fetch", { cause: lastError });
}

/** The credentials of `Authorization: Bearer <key>`; the scheme is case-insensitive, as in HTTP. */
function bearerToken(header: string | null): string | undefined {
  return header === null ? undefined : /^bearer +(\S+) *$/i.exec(header)?.[1];
}

/**
 * The fake's clock in ms. A `now` that returns no valid Date fails the request that read it
 * (500 naming now()) instead of stamping records with null.
 */
function checkedClock(now: (() => Date) | undefined): () => number {
  if (now === undefined) return () => Date.now();
  if (typeof now !== "function") throw new TypeError("createClerkFake: now must be a function returning a Date");
  return () => {
    const date: unknown = now();
    const ms = date instanceof Date ? date.getTime() : Number.NaN;
    if (!Number.isFinite(ms)) throw new RangeError(`createClerkFake: now() returned ${String(date)}, not a valid Date`);
    return ms;
  };
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return out;
}

export function createClerkFake(options: ClerkFakeOptions = {}): ClerkFake {
  const secretKey = options.secretKey ?? secret("sk_test_");
  const clock = checkedClock(options.now);
  const store = createStore(clerkId("ins"));
  const keys = new KeyRing(store.instanceId);
  const webhooks = new WebhookSender(options.webhooks, store.instanceId, clock);
  const faults = new Faults();
  const requests: RecordedRequest[] = [];
  let traceCounter = 0;

  /** A handler's context; `events` collects what it changed, delivered once it succeeds. */
  const context = (
    params: Record<string, string>,
    query: URLSearchParams,
    body: unknown,
    events: Array<[string, unknown]> = [],
    callerMachineId?: string,
  ): HandlerContext => ({
    store,
    callerMachineId,
    keys,
    issuer: ISSUER,
    params,
    query,
    body,
    now: clock,
    nextSeq: () => store.seq++,
    emit: (type, data) => void events.push([type, data]),
  });

  /** For work done outside a request (seed, signSessionToken, issueOAuthAccessToken): its events go nowhere. */
  const outsideRequest = () => context({}, new URLSearchParams(), undefined);

  // Seeding sends no webhooks: the seed is the world as it was before the test.
  const seed = () => {
    installDefaultCatalog(outsideRequest());
    if (options.seed) applySeed(outsideRequest(), options.seed);
  };
  seed();

  async function answer(request: Request, url: URL, record: RecordedRequest, rawBody: string): Promise<Response> {
    const path = apiPath(url.pathname);
    const match = path === undefined ? undefined : matchRoute(request.method, path);
    if (!match) throw routeNotFound(request.method, url.pathname);
    (record as { operationId: string | undefined }).operationId = match.route.operationId;
    const bearer = bearerToken(request.headers.get("authorization"));
    const machine = MACHINE_KEY_OPERATIONS.has(match.route.operationId)
      ? [...store.machines.values()].find((m) => m.secret_key === bearer)
      : undefined;
    if (bearer !== secretKey && !machine) {
      const machineKey = MACHINE_KEY_OPERATIONS.has(match.route.operationId) && bearer?.startsWith("ak_");
      throw machineKey ? machineSecretKeyInvalid() : unauthorized();
    }
    const failure = faults.check(match.route.operationId, clock());
    if (failure) throw failure;
    const handler = HANDLERS[match.route.operationId];
    if (!handler) throw notImplemented(match.route.operationId);
    if (rawBody !== "" && record.body === undefined) throw malformedBody();
    checkRequestFields(match.route.operationId, record.body);
    const events: Array<[string, unknown]> = [];
    const result = await handler(context({ ...match.params }, url.searchParams, record.body, events, machine?.id));
    // Delivered before the answer, so a test sees the deliveries as soon as its call returns.
    for (const [type, data] of events) await webhooks.send(type, data);
    return result instanceof Response ? result : jsonResponse(result);
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const { raw: rawBody, parsed: body } = await readRequestBody(request);
    const record: RecordedRequest = {
      method: request.method,
      path: url.pathname.replace(/^\/v1(?=\/|$)/, ""),
      query: queryRecord(url.searchParams),
      body,
      operationId: undefined,
      status: 0,
    };
    requests.push(record);
    let response: Response;
    try {
      response = await answer(request, url, record, rawBody);
    } catch (error) {
      const failure = error instanceof FakeApiError ? error : internalError(error);
      response = errorResponse(failure, `fake_trace_${(++traceCounter).toString(16).padStart(8, "0")}`);
    }
    record.status = response.status;
    return response;
  }

  const fake: ClerkFake = {
    secretKey,
    serverUrl: IN_PROCESS_URL,
    fetch: (input, init) => {
      try {
        return handle(new Request(input, init));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    handle,
    requests,
    failNext: (failure) => faults.failNext(failure),
    rateLimit: (limit) => faults.rateLimit(limit),
    reset() {
      clearStore(store);
      requests.length = 0;
      webhooks.deliveries.length = 0;
      faults.reset();
      seed();
    },
    listen: async (listenOptions) => (await loadNodeServer()).listen(fake, listenOptions),
    get jwtKey() {
      return keys.publicPem;
    },
    issuer: ISSUER,
    signSessionToken: (tokenOptions) =>
      signSessionToken(outsideRequest(), tokenOptions, tokenOptions.sessionId ?? clerkId("sess")),
    rotateKeys: () => keys.rotate(),
    webhookDeliveries: webhooks.deliveries,
    issueOAuthAccessToken: (issue) =>
      storeToken(outsideRequest(), {
        kind: "oauth_token",
        subject: issue.userId,
        clientId: issue.clientId ?? "client_fake",
        scopes: [...(issue.scopes ?? [])],
        secondsUntilExpiration: issue.expiresInSeconds ?? null,
      }).secret,
  };
  return fake;
}
