// Clerk's own test keys, claim sets and verify answers (../shared/clerk-fixtures, see its
// SOURCES.md), as the parity cases use them: tokens are signed at run time with
// the fixture's private key, with the fixture's claims rebased to now.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SignJWT, importJWK, type JWK } from "jose";

// Read from ../shared/clerk-fixtures beside the repository (or CLERK_FIXTURES): third-party data
// is used where it lies, never copied into the repository.
const FIXTURES =
  process.env["CLERK_FIXTURES"] ?? fileURLToPath(new URL("../../../../shared/clerk-fixtures", import.meta.url));
const text = (name: string): string => readFileSync(join(FIXTURES, name), "utf8");
const read = (name: string): unknown => JSON.parse(text(name));

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
  const jwks = read("auth/js-mock-jwks.json") as { keys: JWK[] };
  const payloads = read("auth/js-jwt-payloads.json") as Record<string, Claims>;
  const header = payloads.mockJwtHeader as { alg: string; kid: string; typ: string };
  const mocks = read("auth/js-machine-token-mocks.json") as { mockTokens: Record<string, string> };
  const privateKey = await importJWK(read("auth/js-signing-jwk-private.json") as JWK, "RS256");

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
    pem: text("auth/js-public-key.pem"),
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
    m2mVerify: read("responses/m2m-token-verify.json"),
    apiKeyVerify: read("responses/api-key-verify.json"),
    oauthVerify: read("responses/oauth-access-token-verify.json"),
    notFound: { errors: [{ message: "not found", long_message: "Resource not found", code: "resource_not_found" }] },
  };
}
