// Parity with @clerk/backend 3.25.0, case by case: every case below runs the
// same request (or token) through Clerk's own authenticateRequest/verifyToken
// and through ours, against the same Clerk stand-in (a real 127.0.0.1 server
// serving the JWKS and the machine-token verify endpoints, which both
// libraries are pointed at), and asserts the same outcome: signed in or out,
// reason, token type and the auth object's fields. Where we answer otherwise
// on purpose, the case names its entry in DIFFERENCES (./differences.ts, also
// tabled in docs/auth.md); such a case must still differ (or the entry is
// stale) and must give our documented answer.
import { readFileSync } from "node:fs";
import { createClerkClient, verifyToken as clerkVerifyToken } from "@clerk/backend";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateRequest, verifyToken, type AuthenticateRequestOptions } from "../../../src/auth/index.js";
import { useFakeClerk, type Reply } from "../support/clerk-server.js";
import { makeKey, nowSeconds, signToken, type TestKey } from "../support/keys.js";
import { DIFFERENCES, sameReason, type DifferenceId } from "./differences.js";
import { clerkFixtures, type ClerkFixtures } from "./fixtures.js";

const clerk = useFakeClerk();
// The instance the fixture tokens were issued by (their iss): Clerk's SDK reads the plain
// __session cookie only for tokens of the publishable key's instance.
const PUBLISHABLE_KEY = `pk_live_${btoa("clerk.inspired.puma-74.lcl.dev$")}`;

let fx: ClerkFixtures;
let other: TestKey;
beforeAll(async () => {
  [fx, other] = await Promise.all([clerkFixtures(), makeKey()]);
});

/** What a case configures, in words both libraries understand. */
interface Setup {
  /** Verify with the fixture PEM (no network) instead of the JWKS. */
  readonly jwtKey?: boolean;
  readonly acceptsToken?: AuthenticateRequestOptions["acceptsToken"];
  readonly audiences?: string | string[];
  readonly authorizedParties?: string[];
  /** Give a machine secret key beside (or, with `noSecretKey`, instead of) the secret key. */
  readonly machineSecretKey?: boolean;
  readonly noSecretKey?: boolean;
  /** The stand-in's routes for this case (default: the fixture JWKS and the three verify endpoints). */
  readonly routes?: Record<string, () => Reply>;
}

/** One case: a request (headers) and a setup; `differs` names an allowlisted difference. */
interface Case {
  readonly name: string;
  readonly headers: () => Promise<Record<string, string>>;
  readonly setup?: Setup;
  readonly differs?: DifferenceId;
}

/** The outcome both libraries are compared on. */
interface Outcome {
  readonly status: string;
  readonly reason: string | null;
  readonly tokenType: string | null;
  readonly auth: Record<string, unknown>;
}

// The auth object fields compared, where Clerk's object has them (ours has them all).
const AUTH_FIELDS = [
  "tokenType",
  "isAuthenticated",
  "userId",
  "sessionId",
  "orgId",
  "orgRole",
  "orgSlug",
  "orgPermissions",
  "factorVerificationAge",
  "id",
  "subject",
  "machineId",
  "clientId",
  "name",
  "scopes",
  "claims",
] as const;

const bearerOf = (token: string) => ({ authorization: `Bearer ${token}` });
const cookieOf = (token: string) => ({ cookie: `__client_uat=1; __session=${token}` });
const VERIFY_PATHS = {
  m2m: ["/m2m_tokens/verify", "/v1/m2m_tokens/verify"],
  api: ["/api_keys/verify", "/v1/api_keys/verify"],
  oauth: ["/oauth_applications/access_tokens/verify", "/v1/oauth_applications/access_tokens/verify"],
};
let secrets = 0;

async function run(c: Case): Promise<{ theirs: Outcome; ours: Outcome; authorizations: string[] }> {
  const setup = c.setup ?? {};
  clerk.routes = setup.routes ?? defaultRoutes();
  clerk.requests.length = 0;
  // A secret key of its own per case and library: neither JWKS cache can answer for another case.
  const secretKey = (lib: string) => (setup.noSecretKey ? undefined : `sk_live_parity_${++secrets}_${lib}`);
  const machineSecretKey = setup.machineSecretKey ? "ak_parity_machine_secret" : undefined;
  const shared = {
    jwtKey: setup.jwtKey ? fx.pem : undefined,
    authorizedParties: setup.authorizedParties,
    acceptsToken: setup.acceptsToken,
    machineSecretKey,
  };
  const headers = await c.headers();
  const request = () => new Request("https://app.example.test/api", { headers });

  const client = createClerkClient({
    secretKey: secretKey("clerk"),
    publishableKey: PUBLISHABLE_KEY,
    apiUrl: clerk.serverUrl.replace(/\/v1$/, ""),
  });
  const theirState = await client.authenticateRequest(request(), {
    ...shared,
    secretKey: secretKey("clerk"),
    audience: setup.audiences,
    acceptsToken: shared.acceptsToken as never,
  } as never);
  const ourState = await authenticateRequest(request(), {
    ...shared,
    secretKey: secretKey("ours"),
    audiences: setup.audiences,
    serverUrl: clerk.serverUrl,
    retries: { strategy: "none" },
  });
  const theirs: Outcome = outcome(theirState, theirState.toAuth() as unknown as Record<string, unknown> | null);
  const ours: Outcome = outcome(ourState, ourState.toAuth() as unknown as Record<string, unknown>, theirs.auth);
  return { theirs, ours, authorizations: clerk.requests.map((r) => `${r.path} ${r.headers.authorization}`) };
}

function outcome(
  state: { status: string; reason: string | null; tokenType: string | null },
  auth: Record<string, unknown> | null,
  fields?: Record<string, unknown>,
): Outcome {
  const picked: Record<string, unknown> = {};
  for (const field of AUTH_FIELDS) {
    // Clerk names a session's claims `sessionClaims`.
    const value = auth?.[field] ?? (field === "claims" ? auth?.sessionClaims : undefined);
    const present = fields
      ? field in fields
      : auth !== null && (field in auth || (field === "claims" && "sessionClaims" in auth));
    if (present) picked[field] = value ?? null;
  }
  return {
    status: state.status,
    reason: state.status === "signed-in" ? null : state.reason,
    tokenType: state.tokenType ?? null,
    auth: picked,
  };
}

function defaultRoutes(): Record<string, () => Reply> {
  const routes: Record<string, () => Reply> = { "GET /v1/jwks": () => ({ status: 200, body: fx.jwks }) };
  for (const path of VERIFY_PATHS.m2m) routes[`POST ${path}`] = () => ({ status: 200, body: fx.m2mVerify });
  for (const path of VERIFY_PATHS.api) routes[`POST ${path}`] = () => ({ status: 200, body: fx.apiKeyVerify });
  for (const path of VERIFY_PATHS.oauth) routes[`POST ${path}`] = () => ({ status: 200, body: fx.oauthVerify });
  return routes;
}

function expectParity(c: Case, theirs: Outcome, ours: Outcome): void {
  if (c.differs === undefined) {
    const theirReason = theirs.reason;
    if (theirReason !== null && ours.reason !== null && sameReason(theirReason, ours.reason)) {
      expect({ ...ours, reason: theirReason }, c.name).toEqual(theirs);
    } else {
      expect(ours, c.name).toEqual(theirs);
    }
    return;
  }
  const difference = DIFFERENCES[c.differs];
  expect(ours, `${c.name}: our documented answer (${c.differs})`).toMatchObject(difference.ours);
  expect(ours, `${c.name}: still differs from Clerk (${c.differs})`).not.toEqual(theirs);
}

// Session tokens, by what is wrong with them. `fx.session(...)` signs the
// fixture's session claims (rebased to now) with the fixture's private key.
const sessionCases = (): Case[] => {
  const now = nowSeconds();
  return [
    { name: "a valid session token (header, JWKS)", headers: async () => bearerOf(await fx.session()) },
    {
      name: "a valid session token (header, jwtKey)",
      headers: async () => bearerOf(await fx.session()),
      setup: { jwtKey: true },
    },
    { name: "a valid session token in the __session cookie", headers: async () => cookieOf(await fx.session()) },
    {
      name: "a bare token in Authorization, without Bearer",
      headers: async () => ({ authorization: await fx.session() }),
    },
    {
      name: "a lowercase bearer scheme",
      headers: async () => ({ authorization: `bearer ${await fx.session()}` }),
      differs: "bearer-scheme-case",
    },
    {
      name: "another scheme (Basic) and no cookie",
      headers: async () => ({ authorization: "Basic dXNlcjpwYXNz" }),
      differs: "missing-token-reason",
    },
    {
      name: "v2 claims with an organisation",
      headers: async () =>
        bearerOf(
          await fx.session({
            v: 2,
            o: { id: "org_2", slg: "acme", rol: "admin", per: "read,manage", fpm: "3" },
            fea: "o:billing,u:dashboard",
            fva: [3, -1],
          }),
        ),
    },
    {
      name: "v1 organisation claims",
      headers: async () =>
        bearerOf(
          await fx.session({ org_id: "org_1", org_slug: "one", org_role: "org:admin", org_permissions: ["org:a:b"] }),
        ),
    },
    { name: "no token at all", headers: async () => ({}), differs: "missing-token-reason" },
    {
      name: "an expired token",
      headers: async () => bearerOf(await fx.session({ exp: now - 600, iat: now - 900, nbf: now - 900 })),
    },
    { name: "a token not active yet", headers: async () => bearerOf(await fx.session({ nbf: now + 600 })) },
    { name: "a token issued in the future", headers: async () => bearerOf(await fx.session({ iat: now + 600 })) },
    {
      name: "a token signed by another key under the fixture's kid",
      headers: async () => bearerOf(await signToken({ ...other, kid: fx.kid }, fx.claims())),
    },
    {
      name: "an unknown kid",
      headers: async () => bearerOf(await signToken(other, fx.claims())),
    },
    {
      name: "an azp outside authorizedParties",
      headers: async () => bearerOf(await fx.session({ azp: "https://evil.example.test" })),
      setup: { authorizedParties: ["https://app.example.test"] },
    },
    {
      name: "an azp inside authorizedParties",
      headers: async () => bearerOf(await fx.session({ azp: "https://app.example.test" })),
      setup: { authorizedParties: ["https://app.example.test"] },
    },
    {
      name: "an aud outside audiences",
      headers: async () => bearerOf(await fx.session({ aud: "https://other.example.test" })),
      setup: { audiences: ["https://api.example.test"] },
    },
    {
      name: "an aud inside audiences",
      headers: async () => bearerOf(await fx.session({ aud: ["x", "https://api.example.test"] })),
      setup: { audiences: "https://api.example.test" },
    },
    {
      name: "audiences set to an empty string (an unset environment variable)",
      headers: async () => bearerOf(await fx.session({ aud: "https://api.example.test" })),
      setup: { audiences: "" },
    },
    {
      name: "audiences [''] (an unset environment variable)",
      headers: async () => bearerOf(await fx.session({ aud: "https://api.example.test" })),
      setup: { audiences: [""] },
    },
    {
      name: "a token without aud where audiences are set",
      headers: async () => bearerOf(await fx.session()),
      setup: { audiences: ["https://api.example.test"] },
      differs: "aud-required",
    },
    { name: "an HS256 token", headers: async () => bearerOf(await fx.hs256()) },
    { name: "not a JWT", headers: async () => bearerOf("not-a-jwt") },
    {
      name: "typ other than JWT",
      headers: async () => bearerOf(await fx.session({}, { typ: "jwe" })),
    },
    {
      name: "a JWT-template token (cat)",
      headers: async () => bearerOf(await fx.session({}, { cat: "cl_B7d4PD222AAA" })),
    },
    {
      name: "an unknown cat",
      headers: async () => bearerOf(await fx.session({}, { cat: "cl_unknown" })),
    },
    {
      name: "Clerk's session cat",
      headers: async () => bearerOf(await fx.session({}, { cat: "cl_B7d4PD111AAA" })),
    },
    {
      name: "an OAuth JWT (typ at+jwt) where session tokens are expected",
      headers: async () => bearerOf(await fx.session({}, { typ: "at+jwt" })),
    },
    {
      name: "a JWKS that names the fixture's kid twice (the token's key second)",
      headers: async () => bearerOf(await fx.session()),
      setup: {
        routes: {
          "GET /v1/jwks": () => ({ status: 200, body: { keys: [{ ...other.jwk, kid: fx.kid }, ...fx.jwks.keys] } }),
        },
      },
    },
    {
      name: "Clerk answers 401 to the JWKS request",
      headers: async () => bearerOf(await fx.session()),
      setup: {
        routes: {
          "GET /v1/jwks": () => ({
            status: 401,
            body: { errors: [{ code: "clerk_key_invalid", message: "invalid key", long_message: "invalid key" }] },
          }),
        },
      },
    },
  ];
};

// M2M JWTs: the fixture's M2M claims, rebased to now.
const m2mJwtCases = (): Case[] => [
  {
    name: "an M2M JWT (cat) where session tokens are expected, header",
    headers: async () => bearerOf(await fx.m2mJwt({ cat: "cl_B7d4PD333AAA" })),
  },
  {
    name: "an M2M JWT without cat where session tokens are expected, header",
    headers: async () => bearerOf(await fx.m2mJwt()),
  },
  {
    name: "an M2M JWT without cat in the __session cookie",
    headers: async () => cookieOf(await fx.m2mJwt({}, { iss: "https://clerk.inspired.puma-74.lcl.dev" })),
  },
  {
    name: "an M2M JWT without cat where M2M tokens are accepted",
    headers: async () => bearerOf(await fx.m2mJwt()),
    setup: { acceptsToken: "m2m_token" },
  },
  {
    name: "an M2M JWT with cat where M2M tokens are accepted (jwtKey)",
    headers: async () => bearerOf(await fx.m2mJwt({ cat: "cl_B7d4PD333AAA" })),
    setup: { acceptsToken: ["m2m_token", "session_token"], jwtKey: true },
  },
  {
    name: "an M2M JWT with the session cat where M2M tokens are accepted",
    headers: async () => bearerOf(await fx.m2mJwt({ cat: "cl_B7d4PD111AAA" })),
    setup: { acceptsToken: "m2m_token" },
  },
  {
    name: "an M2M JWT with an unknown cat where any token is accepted",
    headers: async () => bearerOf(await fx.m2mJwt({ cat: "cl_whatever" })),
    setup: { acceptsToken: "any" },
  },
  {
    name: "an M2M JWT for another audience",
    headers: async () => bearerOf(await fx.m2mJwt({ cat: "cl_B7d4PD333AAA" })),
    setup: { acceptsToken: "m2m_token", audiences: ["mch_C"] },
  },
  {
    name: "an M2M JWT within the audience",
    headers: async () => bearerOf(await fx.m2mJwt({ cat: "cl_B7d4PD333AAA" })),
    setup: { acceptsToken: "m2m_token", audiences: ["mch_C", "mch_2xxxxx"] },
  },
  {
    name: "an OAuth JWT (typ at+jwt) where OAuth tokens are accepted",
    headers: async () => bearerOf(await fx.oauthJwt()),
    setup: { acceptsToken: "oauth_token" },
  },
  {
    name: "an OAuth JWT where any token is accepted, with jwtKey",
    headers: async () => bearerOf(await fx.oauthJwt()),
    setup: { acceptsToken: "any", jwtKey: true },
  },
  {
    name: "an OAuth JWT without aud where audiences are set",
    headers: async () => bearerOf(await fx.oauthJwt()),
    setup: { acceptsToken: "oauth_token", audiences: ["https://api.example.test"] },
  },
  {
    name: "an OAuth JWT signed by another key",
    headers: async () => bearerOf(await fx.oauthJwt(other)),
    setup: { acceptsToken: "oauth_token" },
  },
  {
    name: "an M2M JWT whose cat names the M2M category but whose subject is a user",
    headers: async () => bearerOf(await fx.m2mJwt({ cat: "cl_B7d4PD333AAA" }, { sub: "user_1" })),
    setup: { acceptsToken: "any" },
  },
];

// Opaque machine tokens, verified by the stand-in's verify endpoints.
const machineCases = (): Case[] => [
  {
    name: "an M2M token where any is accepted",
    headers: async () => bearerOf(fx.tokens.m2m),
    setup: { acceptsToken: "any" },
  },
  {
    name: "an API key where any is accepted",
    headers: async () => bearerOf(fx.tokens.apiKey),
    setup: { acceptsToken: "any" },
  },
  {
    name: "an OAuth token where any is accepted",
    headers: async () => bearerOf(fx.tokens.oauth),
    setup: { acceptsToken: "any" },
  },
  {
    name: "an API key where only M2M tokens are accepted",
    headers: async () => bearerOf(fx.tokens.apiKey),
    setup: { acceptsToken: "m2m_token" },
  },
  {
    name: "an API key where a list without it is accepted",
    headers: async () => bearerOf(fx.tokens.apiKey),
    setup: { acceptsToken: ["m2m_token", "oauth_token"] },
  },
  {
    name: "a session token where only API keys are accepted",
    headers: async () => bearerOf(await fx.session()),
    setup: { acceptsToken: "api_key" },
  },
  {
    name: "a session token where a list without session tokens is accepted",
    headers: async () => bearerOf(await fx.session()),
    setup: { acceptsToken: ["api_key", "m2m_token"] },
  },
  {
    name: "a session token where a list with session tokens is accepted",
    headers: async () => bearerOf(await fx.session()),
    setup: { acceptsToken: ["api_key", "session_token"] },
  },
  {
    name: "an API key where only session tokens are accepted",
    headers: async () => bearerOf(fx.tokens.apiKey),
    differs: "machine-token-on-session-route",
  },
  {
    name: "an M2M token with both secret keys",
    headers: async () => bearerOf(fx.tokens.m2m),
    setup: { acceptsToken: "m2m_token", machineSecretKey: true },
  },
  {
    name: "an API key with both secret keys",
    headers: async () => bearerOf(fx.tokens.apiKey),
    setup: { acceptsToken: "api_key", machineSecretKey: true },
  },
  {
    name: "an M2M token with the machine secret key only",
    headers: async () => bearerOf(fx.tokens.m2m),
    setup: { acceptsToken: "m2m_token", machineSecretKey: true, noSecretKey: true },
  },
  {
    name: "an unknown API key (404)",
    headers: async () => bearerOf(fx.tokens.apiKey),
    setup: {
      acceptsToken: "api_key",
      routes: Object.fromEntries(
        VERIFY_PATHS.api.map((p) => [`POST ${p}`, () => ({ status: 404, body: fx.notFound })]),
      ),
    },
    differs: "machine-token-not-found-reason",
  },
  {
    name: "no token where only API keys are accepted",
    headers: async () => ({}),
    setup: { acceptsToken: "api_key" },
    differs: "missing-token-reason",
  },
  {
    name: "no token where a list without session tokens is accepted",
    headers: async () => ({}),
    setup: { acceptsToken: ["api_key"] },
  },
  {
    name: "only a session cookie where only API keys are accepted",
    headers: async () => cookieOf(await fx.session()),
    setup: { acceptsToken: "api_key" },
    differs: "missing-token-reason",
  },
];

describe("authenticateRequest answers as @clerk/backend's does", () => {
  const groups: Array<[string, () => Case[]]> = [
    ["session tokens", sessionCases],
    ["M2M tokens in JWT format", m2mJwtCases],
    ["opaque machine tokens and acceptsToken", machineCases],
  ];
  for (const [group, cases] of groups) {
    it(group, async () => {
      for (const c of cases()) {
        const { theirs, ours } = await run(c);
        expectParity(c, theirs, ours);
      }
    });
  }

  it("tables every deliberate difference in docs/auth.md", () => {
    const docs = readFileSync(new URL("../../../docs/auth.md", import.meta.url), "utf8");
    const section = docs.slice(docs.indexOf("## Differences from @clerk/backend"));
    for (const id of [...Object.keys(DIFFERENCES), "reason-names"]) expect(section, id).toContain(`\`${id}\``);
  });

  it("verifies M2M tokens with the machine secret key when both keys are set, API keys with the secret key", async () => {
    for (const [token, acceptsToken] of [
      [fx.tokens.m2m, "m2m_token"],
      [fx.tokens.apiKey, "api_key"],
    ] as const) {
      const { authorizations } = await run({
        name: acceptsToken,
        headers: async () => bearerOf(token),
        setup: { acceptsToken, machineSecretKey: true },
      });
      const bearers = authorizations.map((line) => line.split(" ").slice(1).join(" "));
      expect(authorizations, acceptsToken).toHaveLength(2);
      // Each library's call carries the same kind of key: both the machine key, or both their own secret key.
      expect(
        bearers.map((b) => b.startsWith("Bearer ak_")),
        acceptsToken,
      ).toEqual(acceptsToken === "m2m_token" ? [true, true] : [false, false]);
    }
  });
});

describe("verifyToken answers as @clerk/backend's does", () => {
  it("given a token directly, with jwtKey", async () => {
    const now = nowSeconds();
    const tokens: Array<[string, () => Promise<string>, DifferenceId?]> = [
      ["valid", () => fx.session()],
      ["expired", () => fx.session({ exp: now - 600 })],
      ["M2M cat", () => fx.session({}, { cat: "cl_B7d4PD333AAA" })],
      ["JWT-template cat", () => fx.session({}, { cat: "cl_B7d4PD222AAA" }), "verify-token-template-cat"],
      ["no sub", () => fx.session({ sub: undefined })],
      ["no exp", () => fx.session({ exp: undefined })],
    ];
    for (const [name, make, differs] of tokens) {
      const token = await make();
      let theirs: string | null = null;
      try {
        await clerkVerifyToken(token, { jwtKey: fx.pem });
      } catch (error) {
        theirs = (error as { reason?: string }).reason ?? "thrown";
      }
      const result = await verifyToken(token, { jwtKey: fx.pem });
      const ours = result.ok ? null : result.error.reason;
      if (differs === undefined) {
        expect(
          theirs === null ? ours === null : ours !== null && sameReason(theirs, ours),
          `${name}: ${theirs} / ${ours}`,
        ).toBe(true);
      } else {
        expect([name, ours], name).toEqual([name, (DIFFERENCES[differs].ours as { reason?: string }).reason]);
        expect(ours, name).not.toBe(theirs);
      }
    }
  });
});
