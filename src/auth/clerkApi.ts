// The only module that calls Clerk's API (one JWKS fetch and the three
// machine-token verify calls), loaded lazily by clerkApiLoader.ts so an app
// that verifies with `jwtKey` alone never loads the HTTP runtime.
import { ClerkCore, type ClerkCoreOptions } from "../core.js";
import { jsonBody } from "../lib/encode.js";
import type { Operation } from "../lib/operation.js";
import { callJson, type RequestOptions } from "../lib/request.js";
import { ResponseValidationError } from "../errors/responseValidationError.js";
import { SDKBaseError } from "../errors/sdkBaseError.js";
import type { RetryConfig } from "../retries/config.js";
import { ok, type Result } from "../types/index.js";
import { fail, type TokenVerificationError } from "./errors.js";
import { machineRecordFrom, type MachineRecord } from "./machineRecord.js";
import type { MachineTokenType } from "./tokenType.js";

/**
 * How auth reaches Clerk's API: a ClerkCore, or the settings to build one
 * (`serverUrl`, `fetch` and `apiVersion` as ClerkCore takes them).
 */
export interface ClerkApiSettings extends Pick<ClerkCoreOptions, "serverUrl" | "fetch" | "apiVersion"> {
  /**
   * Settings source (serverUrl, fetch, apiVersion, hooks, logger). Its secret key
   * is used when `secretKey` is not given. The options here override it.
   */
  readonly core?: ClerkCore | undefined;
  /**
   * Retries for the JWKS and verify calls. Default: backoff bounded to 5 s,
   * because a request is waiting (ClerkCore's own default may wait an hour).
   */
  readonly retries?: RetryConfig | undefined;
  /** Time limit per attempt in ms. Default: the core's, else 10 s. */
  readonly timeoutMs?: number | undefined;
}

export const AUTH_RETRIES: RetryConfig = {
  strategy: "backoff",
  backoff: { initialInterval: 200, maxInterval: 2000, exponent: 2, maxElapsedTime: 5000 },
  statusCodes: ["5XX"],
  retryConnectionErrors: true,
};
const AUTH_TIMEOUT_MS = 10_000;

/** The identity of the key source, for the JWKS cache key. */
export function apiScope(settings: ClerkApiSettings): { serverUrl: string; apiVersion: string } {
  const probe = coreFor(settings, undefined);
  return { serverUrl: probe.serverUrl, apiVersion: probe.apiVersion };
}

/**
 * `secretKey`, else the secret key of the passed ClerkCore (undefined when
 * neither has one). The core's key provider is user code: it gets the same
 * time limit as a call, so a provider that never answers cannot hold the
 * request forever, and one that throws is an error, not a rejection.
 */
export async function resolveSecretKey(
  settings: ClerkApiSettings & { readonly secretKey?: string | undefined },
): Promise<Result<string | undefined, TokenVerificationError>> {
  if (typeof settings.secretKey === "string" && settings.secretKey !== "") return ok(settings.secretKey);
  const core = settings.core;
  if (core === undefined) return ok(undefined);
  const limitMs = callOptions(settings).timeoutMs!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const fromCore = await Promise.race([
      core.bearerToken(),
      new Promise<typeof TIMED_OUT>((resolve) => {
        // A call's rule: 0, Infinity or more than a timer holds (2^31 - 1 ms) is no limit.
        if (limitMs > 0 && limitMs < 2 ** 31) timer = setTimeout(resolve, limitMs, TIMED_OUT);
      }),
    ]);
    if (fromCore === TIMED_OUT) {
      return fail("secret-key-missing", `the core's secret key provider did not answer within ${limitMs} ms`);
    }
    return ok(typeof fromCore === "string" && fromCore !== "" ? fromCore : undefined);
  } catch (cause) {
    return fail("unexpected-error", "the core's secret key provider failed", cause);
  } finally {
    clearTimeout(timer);
  }
}

const TIMED_OUT = Symbol("timed out");

/** GET /jwks, errors mapped to reasons. */
export async function loadJwks(
  settings: ClerkApiSettings,
  secretKey: string,
): Promise<Result<unknown, TokenVerificationError>> {
  const result = await callJson(coreFor(settings, secretKey), GET_JWKS, undefined, callOptions(settings));
  if (result.ok) return result;
  const error = result.error;
  if (statusOf(error) === 401) {
    return fail("secret-key-invalid", "Clerk rejected the secret key (401) while loading the JWKS", error);
  }
  if (error instanceof ResponseValidationError) {
    return fail("jwk-remote-invalid", "Clerk's JWKS response is not a valid key set", error);
  }
  return fail("jwk-remote-failed-to-load", `the JWKS could not be loaded (${describe(error)})`, error);
}

/** POST /…/verify for the token's kind, authorised with `bearer`. */
export async function verifyMachineTokenRemotely(
  settings: ClerkApiSettings,
  tokenType: MachineTokenType,
  token: string,
  bearer: string,
): Promise<Result<MachineRecord, TokenVerificationError>> {
  const { op, field } = VERIFY[tokenType];
  const body = { requestBody: { [field]: token } };
  const result = await callJson(coreFor(settings, bearer), op, body, callOptions(settings));
  if (result.ok) return machineRecordFrom(tokenType, result.value);
  const error = result.error;
  const status = statusOf(error);
  if (status === 404) return fail("machine-token-invalid", `the ${tokenType} is not valid (404)`, error);
  if (status === 401) {
    return fail("secret-key-invalid", "Clerk rejected the secret key (401) while verifying the token", error);
  }
  return fail("unexpected-error", `the ${tokenType} could not be verified (${describe(error)})`, error);
}

/** A core carrying `bearer` and the caller's settings (explicit options win over `core`). */
function coreFor(settings: ClerkApiSettings, bearer: string | undefined): ClerkCore {
  const base = settings.core;
  return new ClerkCore({
    bearerAuth: bearer,
    serverUrl: settings.serverUrl ?? base?.serverUrl,
    fetch: settings.fetch ?? base?.fetch,
    apiVersion: settings.apiVersion ?? base?.apiVersion,
    timeoutMs: base?.timeoutMs,
    hooks: base?.hooks,
    debugLogger: base?.debugLogger,
  });
}

function callOptions(settings: ClerkApiSettings): RequestOptions {
  return {
    retries: settings.retries ?? AUTH_RETRIES,
    timeoutMs: settings.timeoutMs ?? settings.core?.timeoutMs ?? AUTH_TIMEOUT_MS,
  };
}

function statusOf(error: Error): number | undefined {
  return error instanceof SDKBaseError ? error.statusCode : undefined;
}

/** Error class and status only: messages may quote the response body. */
function describe(error: Error): string {
  const status = statusOf(error);
  return status === undefined ? error.name : `${error.name} ${status}`;
}

// The four endpoints as descriptors for the core's one interpreter: the same
// retries, time limits, hooks and redaction as every generated function. Their
// bodies come back as the JSON Clerk sent ("json": wire names, nothing renamed
// or dropped) because auth checks them itself: jwks.ts keeps only well-formed
// RSA keys and machineRecordFrom reads each field it uses. The generated models
// would decode each body a second time and put their schemas into every
// authenticateRequest bundle. test/auth/unit/clerk-api-spec.test.ts checks
// these against the spec.
export const GET_JWKS: Operation = { id: "GetJWKS", method: "GET", path: "/jwks", responses: { "200": "json" } };

/** Each machine kind's verify endpoint, and the body field that carries the token. */
export const VERIFY: Readonly<Record<MachineTokenType, { readonly op: Operation; readonly field: string }>> = {
  m2m_token: /* @__PURE__ */ verifyEndpoint("verifyM2MToken", "/m2m_tokens/verify", "token"),
  api_key: /* @__PURE__ */ verifyEndpoint("verifyApiKey", "/api_keys/verify", "secret"),
  oauth_token: /* @__PURE__ */ verifyEndpoint(
    "verifyOAuthAccessToken",
    "/oauth_applications/access_tokens/verify",
    "access_token",
  ),
};

function verifyEndpoint(id: string, path: string, field: string): { op: Operation; field: string } {
  return { op: { id, method: "POST", path, body: jsonBody, responses: { "200": "json" } }, field };
}
