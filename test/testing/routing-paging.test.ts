// Issue 24 A: routing and paging as Clerk does them. @clerk/backend's machine routes without
// /v1, paginated=true on every modelled operation that declares it, every paging parameter
// the spec declares (ListJWTTemplates limit/offset, GetUserList starting_after), and the
// +/- include/exclude prefixes of id filters.
import { readFileSync } from "node:fs";
import { createClerkClient } from "@clerk/backend";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createClerkFake, MODELLED_OPERATIONS, type ClerkFake } from "../../src/testing/index.js";
import { checkedFetch, useSpecCheck } from "./support/checked.js";
import { raw } from "./support/raw.js";
import { checkResponse, SPEC_PATH } from "./support/spec-check.js";

useSpecCheck("routing-paging.test.ts");

const ADA = `user_2ada${"0".repeat(23)}`;
const ALAN = `user_2alan${"0".repeat(22)}`;
const GRACE = `user_2grace${"0".repeat(21)}`;

/** @clerk/backend pointed at a fake served over HTTP, as its users would test with it. */
async function backendOverHttp(fake: ClerkFake) {
  const server = await fake.listen();
  const clerk = createClerkClient({ secretKey: fake.secretKey, apiUrl: server.url.replace(/\/v1$/, "") });
  return { clerk, server };
}

describe("machine routes without /v1 (as @clerk/backend calls them)", () => {
  it("serves API keys, M2M tokens and OAuth access token verification to @clerk/backend over fake.listen()", async () => {
    const fake = createClerkFake({ seed: { users: [{ id: ADA, firstName: "Ada" }] } });
    const { clerk, server } = await backendOverHttp(fake);
    try {
      const key = await clerk.apiKeys.create({ name: "ci-key", subject: ADA });
      expect(key.secret).toMatch(/^ak_/);
      const verified = await clerk.apiKeys.verify(key.secret ?? "");
      expect(verified).toMatchObject({ id: key.id, subject: ADA, name: "ci-key" });
      const listed = await clerk.apiKeys.list({ subject: ADA });
      expect(listed.data.map((k) => k.id)).toEqual([key.id]);

      const machine = await clerk.machines.create({ name: "worker" });
      const token = await clerk.m2m.createToken({ machineSecretKey: machine.secretKey ?? "" });
      expect(token.token).toMatch(/^mt_/);
      expect(
        await clerk.m2m.verify({ token: token.token ?? "", machineSecretKey: machine.secretKey ?? "" }),
      ).toMatchObject({ id: token.id, subject: machine.id });

      const oauth = fake.issueOAuthAccessToken({ userId: ADA, scopes: ["email"] });
      expect(await clerk.idPOAuthAccessToken.verify(oauth)).toMatchObject({ subject: ADA, scopes: ["email"] });

      // Each call reached its operation at the unversioned path @clerk/backend used.
      expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.operationId} ${r.status}`)).toEqual([
        "POST /api_keys createApiKey 200",
        "POST /api_keys/verify verifyApiKey 200",
        "GET /api_keys getApiKeys 200",
        "POST /machines CreateMachine 200",
        "POST /m2m_tokens createM2MToken 201",
        "POST /m2m_tokens/verify verifyM2MToken 200",
        "POST /oauth_applications/access_tokens/verify verifyOAuthAccessToken 200",
      ]);
    } finally {
      await server.close();
    }
  });

  it("serves both forms in-process too, and nothing else without /v1", async () => {
    const fake = createClerkFake();
    const root = fake.serverUrl.replace(/\/v1$/, "");
    const headers = { authorization: `Bearer ${fake.secretKey}` };
    const fetch = checkedFetch(fake.fetch);
    expect((await fetch(`${root}/api_keys?subject=user_x`, { headers })).status).toBe(200);
    expect((await fetch(`${root}/v1/api_keys?subject=user_x`, { headers })).status).toBe(200);
    await fetch(`${root}/m2m_tokens?subject=mch_missing`, { headers });
    expect(fake.requests.at(-1)).toMatchObject({ path: "/m2m_tokens", operationId: "getM2MTokens" });
    // Only the machine routes have the unversioned form.
    expect((await fetch(`${root}/users`, { headers })).status).toBe(404);
    expect((await fetch(`${root}/api_keysx`, { headers })).status).toBe(404);
  });
});

/** A request for each modelled operation whose spec declares `paginated`, and what it must list. */
const PAGINATED_CASES: Readonly<Record<string, { path: string; count: number }>> = {
  GetSessionList: { path: `/sessions?user_id=${ADA}`, count: 3 },
  ListInvitations: { path: "/invitations", count: 3 },
  ListAllowlistIdentifiers: { path: "/allowlist_identifiers", count: 3 },
  ListJWTTemplates: { path: "/jwt_templates", count: 3 },
  GetClientList: { path: "/clients", count: 3 },
  ListRedirectURLs: { path: "/redirect_urls", count: 3 },
  GetOAuthAccessToken: { path: `/users/${ADA}/oauth_access_tokens/oauth_google`, count: 3 },
};

/** The paginated-declaring operations whose spec answer is always { data, total_count }. */
const ALWAYS_ENVELOPED: Readonly<Record<string, string>> = {
  GetCommercePlanList: "/billing/plans",
  GetBillingPriceList: "/billing/prices",
  GetCommerceSubscriptionItemList: "/billing/subscription_items",
};

interface JsonResponse {
  content?: { "application/json": { schema: { type?: string; $ref?: string } } };
}

interface SpecDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        parameters?: Array<{ name?: string; $ref?: string }>;
        responses: Record<string, { $ref?: string } & JsonResponse>;
      }
    >
  >;
  components: {
    parameters: Record<string, { name: string }>;
    responses: Record<string, JsonResponse>;
    schemas: Record<string, { type?: string; $ref?: string }>;
  };
}

const GOOGLE_ACCOUNTS = [0, 1, 2].map((i) => ({ provider: "oauth_google", emailAddress: `ada${i}@gmail.com` }));

async function threeOfEach(fake: ClerkFake): Promise<void> {
  for (let i = 0; i < 3; i++) {
    expect((await raw(fake, "POST", "/sessions", { body: { user_id: ADA } })).status).toBe(200);
    expect((await raw(fake, "POST", "/invitations", { body: { email_address: `i${i}@example.com` } })).status).toBe(
      200,
    );
    expect(
      (await raw(fake, "POST", "/allowlist_identifiers", { body: { identifier: `a${i}@example.com` } })).status,
    ).toBe(200);
    expect((await raw(fake, "POST", "/jwt_templates", { body: { name: `t${i}`, claims: {} } })).status).toBe(200);
    expect((await raw(fake, "POST", "/redirect_urls", { body: { url: `https://app${i}.example/cb` } })).status).toBe(
      200,
    );
  }
}

describe("paginated=true", () => {
  it("the tables below cover every modelled operation whose spec declares paginated", () => {
    const spec = parse(readFileSync(SPEC_PATH, "utf8")) as SpecDocument;
    const declaring: string[] = [];
    const enveloped: string[] = [];
    for (const item of Object.values(spec.paths)) {
      for (const operation of Object.values(item)) {
        const names = (operation.parameters ?? []).map(
          (p) => p.name ?? spec.components.parameters[p.$ref?.split("/").pop() ?? ""]?.name,
        );
        if (!operation.operationId || !names.includes("paginated")) continue;
        declaring.push(operation.operationId);
        const ok = operation.responses["200"];
        const response = ok?.$ref ? spec.components.responses[ok.$ref.split("/").pop() ?? ""] : ok;
        let schema = response?.content?.["application/json"].schema;
        if (schema?.$ref) schema = spec.components.schemas[schema.$ref.split("/").pop() ?? ""];
        if (schema?.type !== "array") enveloped.push(operation.operationId);
      }
    }
    expect(declaring).toHaveLength(13);
    const modelled = (ids: string[]) => ids.filter((id) => MODELLED_OPERATIONS.includes(id)).sort();
    expect(modelled(declaring.filter((id) => !enveloped.includes(id)))).toEqual(Object.keys(PAGINATED_CASES).sort());
    expect(modelled(enveloped)).toEqual(Object.keys(ALWAYS_ENVELOPED).sort());
  });

  it.each(Object.entries(ALWAYS_ENVELOPED))(
    "%s, which the spec answers as { data, total_count } anyway, does so with or without paginated",
    async (_operationId, path) => {
      const fake = createClerkFake();
      for (const flag of ["", "?paginated=true", "?paginated=false"]) {
        const answer = await raw(fake, "GET", `${path}${flag}`);
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({ data: [], total_count: 0 });
      }
    },
  );

  it.each(Object.entries(PAGINATED_CASES))(
    "%s answers { data, total_count } with paginated=true and the bare array without",
    async (_operationId, { path, count }) => {
      const fake = createClerkFake({ seed: { users: [{ id: ADA, externalAccounts: GOOGLE_ACCOUNTS }] } });
      await threeOfEach(fake);
      const separator = path.includes("?") ? "&" : "?";
      const bare = await raw(fake, "GET", `${path}${separator}limit=2`);
      expect(bare.status).toBe(200);
      expect(Array.isArray(bare.body)).toBe(true);
      expect(bare.body).toHaveLength(2);
      const paged = await raw(fake, "GET", `${path}${separator}paginated=true&limit=2&offset=1`, { checked: false });
      expect(paged.status).toBe(200);
      expect(paged.body.total_count).toBe(count);
      expect(paged.body.data).toHaveLength(2);
      // The spec describes only the bare form; its items are the same objects.
      expect(checkResponse("GET", path.split("?")[0] ?? "", 200, paged.body.data)).toEqual([]);
      expect((await raw(fake, "GET", `${path}${separator}paginated=false`)).body).toHaveLength(count);
      expect((await raw(fake, "GET", `${path}${separator}paginated=yes`)).status).toBe(422);
    },
  );

  it("@clerk/backend's list methods read .data and .totalCount from the fake", async () => {
    const fake = createClerkFake({ seed: { users: [{ id: ADA }] } });
    await threeOfEach(fake);
    const { clerk, server } = await backendOverHttp(fake);
    try {
      const sessions = await clerk.sessions.getSessionList({ userId: ADA, limit: 2 });
      expect(sessions.totalCount).toBe(3);
      expect(sessions.data).toHaveLength(2);
      expect(sessions.data[0]?.userId).toBe(ADA);
      const invitations = await clerk.invitations.getInvitationList();
      expect(invitations.totalCount).toBe(3);
      expect(invitations.data.map((i) => i.emailAddress).sort()).toEqual([
        "i0@example.com",
        "i1@example.com",
        "i2@example.com",
      ]);
      const allowlist = await clerk.allowlistIdentifiers.getAllowlistIdentifierList();
      expect(allowlist.totalCount).toBe(3);
      const templates = await clerk.jwtTemplates.list();
      expect(templates.totalCount).toBe(3);
    } finally {
      await server.close();
    }
  });
});

describe("every paging parameter the spec declares", () => {
  it("ListJWTTemplates honours limit and offset (and checks them)", async () => {
    const fake = createClerkFake();
    for (const name of ["a", "b", "c", "d"])
      expect((await raw(fake, "POST", "/jwt_templates", { body: { name, claims: {} } })).status).toBe(200);
    expect(
      (await raw(fake, "GET", "/jwt_templates?limit=2&offset=1")).body.map((t: { name: string }) => t.name),
    ).toEqual(["b", "c"]);
    expect((await raw(fake, "GET", "/jwt_templates?limit=0")).status).toBe(422);
  });

  it("GetUserList walks pages with starting_after, in both created_at orders", async () => {
    const now = Date.UTC(2026, 1, 1);
    const fake = createClerkFake({
      // Every user is made in the same millisecond: the cursor must still not skip or repeat.
      now: () => new Date(now),
      seed: { users: Array.from({ length: 7 }, (_, i) => ({ id: `user_${i}`, firstName: `U${i}` })) },
    });
    const walk = async (order: string) => {
      const seen: string[] = [];
      let cursor = "";
      for (;;) {
        const query = `/users?limit=3&order_by=${order}${cursor ? `&starting_after=${cursor}` : ""}`;
        const page = (await raw(fake, "GET", query)).body as Array<{ id: string }>;
        seen.push(...page.map((u) => u.id));
        if (page.length < 3) return seen;
        cursor = page.at(-1)?.id ?? "";
      }
    };
    const ascending = Array.from({ length: 7 }, (_, i) => `user_${i}`);
    expect(await walk("created_at")).toEqual(ascending);
    expect(await walk("-created_at")).toEqual([...ascending].reverse());
    expect(await walk("%2Bcreated_at")).toEqual(ascending);
  });

  it("GetUserList refuses starting_after with another order or a non-zero offset (422)", async () => {
    const fake = createClerkFake({ seed: { users: [{ id: ADA, firstName: "Ada" }] } });
    const other = await raw(fake, "GET", `/users?order_by=first_name&starting_after=${ADA}`);
    expect(other.status).toBe(422);
    expect(other.body.errors[0].meta.param_name).toBe("starting_after");
    const offset = await raw(fake, "GET", `/users?offset=2&starting_after=${ADA}`);
    expect(offset.status).toBe(422);
    expect(offset.body.errors[0].meta.param_name).toBe("offset");
    expect((await raw(fake, "GET", `/users?offset=0&starting_after=${ADA}`)).body).toEqual([]);
    expect((await raw(fake, "GET", "/users?starting_after=user_gone")).status).toBe(422);
  });
});

describe("+/- prefixes on id filters", () => {
  const seed = {
    users: [{ id: ADA }, { id: ALAN }, { id: GRACE }],
    organizations: [
      {
        id: "org_2engines0000000000000000000",
        name: "Engines",
        createdBy: ADA,
        members: [{ userId: ALAN }, { userId: GRACE }],
      },
    ],
  };
  const members = async (fake: ClerkFake, query: string) =>
    (await raw(fake, "GET", `/organizations/org_2engines0000000000000000000/memberships?${query}`)).body.data
      .map((m: { public_user_data: { user_id: string } }) => m.public_user_data.user_id)
      .sort();

  it("ListOrganizationMemberships includes with + (sent as %2B or as a raw +) and excludes with -", async () => {
    const fake = createClerkFake({ seed });
    expect(await members(fake, `user_id=%2B${ADA}`)).toEqual([ADA]);
    // A raw + in a query string reads as a space; Clerk's clients send it either way.
    expect(await members(fake, `user_id=+${ADA}&user_id=+${ALAN}`)).toEqual([ADA, ALAN].sort());
    expect(await members(fake, `user_id=-${ADA}`)).toEqual([ALAN, GRACE].sort());
    expect(await members(fake, `user_id=-${ADA}&user_id=-${GRACE}`)).toEqual([ALAN]);
    expect(await members(fake, `user_id=${GRACE}`)).toEqual([GRACE]);
    expect(await members(fake, `user_id=${GRACE}&user_id=-${GRACE}`)).toEqual([]);
  });

  it("GetUserList, GetUsersCount and ListOrganizations take the prefixes too", async () => {
    const fake = createClerkFake({ seed });
    const ids = async (query: string) =>
      (await raw(fake, "GET", `/users?${query}`)).body.map((u: { id: string }) => u.id).sort();
    expect(await ids(`user_id=-${ADA}`)).toEqual([ALAN, GRACE].sort());
    expect(await ids("organization_id=-org_2engines0000000000000000000")).toEqual([]);
    expect(
      (await raw(fake, "GET", `/users/count?organization_id=%2Borg_2engines0000000000000000000`)).body.total_count,
    ).toBe(3);
    expect((await raw(fake, "GET", `/organizations?user_id=-${ADA}`)).body.total_count).toBe(0);
    expect((await raw(fake, "GET", `/organizations?user_id=%2B${ADA}`)).body.total_count).toBe(1);
  });
});
