// Clerk's own test keys, claim sets and verify answers (./fixtures/, see its
// SOURCES.md), as the parity cases use them: tokens are signed at run time with
// the fixture's private key, with the fixture's claims rebased to now.
import { readFileSync } from "node:fs";
import { SignJWT, importJWK, type JWK } from "jose";

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
const text = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

type Claims = Record<string, unknown>;

export interface ClerkFixtures {
  readonly kid: string;
  readonly pem: string;
  readonly jwks: { keys: JWK[] };
  /** The fixture session claims, rebased to now, with `overrides` (undefined removes a claim). */
  claims(overrides?: Claims): Claims;
  session(overrides?: Claims, header?: Claims): Promise<string>;
  m2mJwt(header?: Claims, overrides?: Claims): Promise<string>;
  /** The fixture OAuth access token claims, typed at+jwt. */
  oauthJwt(signer?: { privateKey: CryptoKey }): Promise<string>;
  /** The session claims signed with HS256 under the fixture's kid (a forgery attempt). */
  hs256(): Promise<string>;
  readonly tokens: { readonly m2m: string; readonly apiKey: string; readonly oauth: string };
  readonly m2mVerify: unknown;
  readonly apiKeyVerify: unknown;
  readonly oauthVerify: unknown;
  readonly notFound: unknown;
}

export async function clerkFixtures(): Promise<ClerkFixtures> {
  const jwks = read("js-mock-jwks.json") as { keys: JWK[] };
  const payloads = read("js-jwt-payloads.json") as Record<string, Claims>;
  const header = payloads.mockJwtHeader as { alg: string; kid: string; typ: string };
  const mocks = read("js-machine-token-mocks.json") as { mockTokens: Record<string, string> };
  const privateKey = await importJWK(read("js-signing-jwk-private.json") as JWK, "RS256");

  const rebase = (claims: Claims, overrides: Claims): Claims => {
    // The fixture's times are from 2022: keep their spacing around iat, moved to now.
    const shift = Math.floor(Date.now() / 1000) - (claims.iat as number);
    const moved: Claims = { ...claims };
    for (const name of ["iat", "nbf", "exp"])
      if (typeof moved[name] === "number") moved[name] = (moved[name] as number) + shift;
    const out: Claims = { ...moved, ...overrides };
    for (const [name, value] of Object.entries(out)) if (value === undefined) delete out[name];
    return out;
  };
  const sign = (claims: Claims, extra: Claims = {}) => {
    const protectedHeader: Claims = { ...header, ...extra };
    for (const [name, value] of Object.entries(protectedHeader)) if (value === undefined) delete protectedHeader[name];
    return new SignJWT(claims).setProtectedHeader(protectedHeader as { alg: string }).sign(privateKey);
  };
  const claims = (overrides: Claims = {}) => rebase(payloads.mockJwtPayload!, overrides);

  return {
    kid: header.kid,
    pem: text("js-public-key.pem"),
    jwks,
    claims,
    session: (overrides = {}, extra = {}) => sign(claims(overrides), extra),
    m2mJwt: (extra = {}, overrides = {}) => sign(rebase(payloads.mockM2MJwtPayload!, overrides), extra),
    oauthJwt: (signer) =>
      signer
        ? new SignJWT(rebase(payloads.mockOAuthAccessTokenJwtPayload!, {}))
            .setProtectedHeader({ ...header, typ: "at+jwt" })
            .sign(signer.privateKey)
        : sign(rebase(payloads.mockOAuthAccessTokenJwtPayload!, {}), { typ: "at+jwt" }),
    hs256: () =>
      new SignJWT(claims())
        .setProtectedHeader({ alg: "HS256", kid: header.kid, typ: "JWT" })
        .sign(new TextEncoder().encode("a shared secret of thirty-two bytes!")),
    tokens: {
      m2m: mocks.mockTokens.m2m_token!,
      apiKey: mocks.mockTokens.api_key!,
      oauth: mocks.mockTokens.oauth_token!,
    },
    m2mVerify: read("m2m-token-verify.json"),
    apiKeyVerify: read("api-key-verify.json"),
    oauthVerify: read("oauth-access-token-verify.json"),
    notFound: { errors: [{ message: "not found", long_message: "Resource not found", code: "resource_not_found" }] },
  };
}
