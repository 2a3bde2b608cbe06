// The only file that touches the generated API functions: one JWKS fetch and
// the three machine-token verify calls, each with the caller's core and options.
import type { ClerkCore } from "../core.js";
import { apiKeysVerifyApiKey } from "../funcs/apiKeysVerifyApiKey.js";
import { jwksGetJWKS } from "../funcs/jwksGetJWKS.js";
import { m2mVerifyToken } from "../funcs/m2mVerifyToken.js";
import { oauthAccessTokensVerify } from "../funcs/oauthAccessTokensVerify.js";
import type { RequestOptions } from "../lib/request.js";
import type { Result } from "../types/index.js";
import type { MachineTokenType } from "./token-type.js";

export type EndpointOptions = RequestOptions;

export function callJwks(core: ClerkCore, options: EndpointOptions): Promise<Result<unknown, unknown>> {
  return jwksGetJWKS(core, {}, options);
}

export function callVerify(
  tokenType: MachineTokenType,
  token: string,
  core: ClerkCore,
  options: EndpointOptions,
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
