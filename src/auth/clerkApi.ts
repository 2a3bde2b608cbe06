// The only module that touches the generated API functions (one JWKS fetch and
// the three machine-token verify calls), loaded lazily by clerkApiLoader.ts so
// an app that verifies with `jwtKey` alone never loads the HTTP runtime.
import { ClerkCore, type Fetcher } from "../core.js";
import { apiKeysVerifyApiKey } from "../funcs/apiKeysVerifyApiKey.js";
import { jwksGetJWKS } from "../funcs/jwksGetJWKS.js";
import { m2mVerifyToken } from "../funcs/m2mVerifyToken.js";
import { oauthAccessTokensVerify } from "../funcs/oauthAccessTokensVerify.js";
import type { RequestOptions } from "../lib/request.js";
import type { RetryConfig } from "../retries/config.js";
import { err, ok, type Result } from "../types/index.js";
import { fail, type TokenVerificationError } from "./errors.js";
import { machineRecordFrom, type MachineRecord } from "./machineToken.js";
import type { MachineTokenType } from "./tokenType.js";

/** How auth reaches Clerk's API: a ClerkCore, or the settings to build one. */
export interface ClerkApiSettings {
  /**
   * Settings source (serverUrl, fetch, apiVersion, hooks, logger). Its secret key
   * is used when `secretKey` is not given. The options below override it.
   */
  readonly core?: ClerkCore | undefined;
  readonly serverUrl?: string | undefined;
  readonly fetch?: Fetcher | undefined;
  readonly apiVersion?: string | undefined;
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
  const limitMs = callOptions(settings).timeoutMs ?? AUTH_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const fromCore = await Promise.race([
      core.bearerToken(),
      new Promise<typeof TIMED_OUT>(
        (resolve) => (timer = setTimeout(resolve, Math.min(limitMs, 2 ** 31 - 1), TIMED_OUT)),
      ),
    ]);
    if (fromCore === TIMED_OUT) {
      return err(fail("secret-key-missing", `the core's secret key provider did not answer within ${limitMs} ms`));
    }
    return ok(typeof fromCore === "string" && fromCore !== "" ? fromCore : undefined);
  } catch (cause) {
    return err(fail("unexpected-error", "the core's secret key provider failed", cause));
  } finally {
    clearTimeout(timer);
  }
}

const TIMED_OUT = Symbol("timed out");

/** GET /jwks through the generated function, errors mapped to reasons. */
export async function loadJwks(
  settings: ClerkApiSettings,
  secretKey: string,
): Promise<Result<unknown, TokenVerificationError>> {
  const result = await callJwks(coreFor(settings, secretKey), callOptions(settings));
  if (result.ok) return ok(result.value);
  const error = result.error;
  if (statusOf(error) === 401) {
    return err(fail("secret-key-invalid", "Clerk rejected the secret key (401) while loading the JWKS", error));
  }
  if (nameOf(error) === "ResponseValidationError") {
    return err(fail("jwk-remote-invalid", "Clerk's JWKS response is not a valid key set", error));
  }
  return err(fail("jwk-remote-failed-to-load", `the JWKS could not be loaded (${describe(error)})`, error));
}

/** POST /…/verify for the token's kind, authorised with `bearer`. */
export async function verifyMachineTokenRemotely(
  settings: ClerkApiSettings,
  tokenType: MachineTokenType,
  token: string,
  bearer: string,
): Promise<Result<MachineRecord, TokenVerificationError>> {
  const result = await callVerify(tokenType, token, coreFor(settings, bearer), callOptions(settings));
  if (result.ok) return machineRecordFrom(tokenType, result.value);
  const error = result.error;
  const status = statusOf(error);
  if (status === 404) return err(fail("machine-token-invalid", `the ${tokenType} is not valid (404)`, error));
  if (status === 401) {
    return err(fail("secret-key-invalid", "Clerk rejected the secret key (401) while verifying the token", error));
  }
  return err(fail("unexpected-error", `the ${tokenType} could not be verified (${describe(error)})`, error));
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
    // Auth reads Clerk's bodies leniently whatever the caller's core says: a
    // field that breaks the spec must not sign out a valid token.
    responseValidation: "lenient",
  });
}

function callOptions(settings: ClerkApiSettings): RequestOptions {
  return {
    retries: settings.retries ?? AUTH_RETRIES,
    timeoutMs: settings.timeoutMs ?? settings.core?.timeoutMs ?? AUTH_TIMEOUT_MS,
  };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" ? status : undefined;
}

function nameOf(error: unknown): string | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === "string" ? name : undefined;
}

/** Error class and status only: messages may quote the response body. */
function describe(error: unknown): string {
  const status = statusOf(error);
  return `${nameOf(error) ?? "error"}${status === undefined ? "" : ` ${status}`}`;
}

function callJwks(core: ClerkCore, options: RequestOptions): Promise<Result<unknown, unknown>> {
  return jwksGetJWKS(core, {}, options);
}

function callVerify(
  tokenType: MachineTokenType,
  token: string,
  core: ClerkCore,
  options: RequestOptions,
): Promise<Result<unknown, unknown>> {
  switch (tokenType) {
    case "m2m_token":
      return m2mVerifyToken(core, { requestBody: { token } }, options);
    case "api_key":
      return apiKeysVerifyApiKey(core, { requestBody: { secret: token } }, options);
    case "oauth_token":
      return oauthAccessTokensVerify(core, { requestBody: { accessToken: token } }, options);
  }
}
