// paginate and collect against a Clerk-like server: whole exports on simulated
// time within a development instance's limit, data changing mid-walk (cursor
// walk against offset walk), failures, aborts, and every generated list operation.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ClerkCore, slidingWindow } from "../../src/core.js";
import * as funcs from "../../src/funcs/index.js";
import { organizationsList } from "../../src/funcs/organizationsList.js";
import { sessionsList } from "../../src/funcs/sessionsList.js";
import { usersList } from "../../src/funcs/usersList.js";
import type { User } from "../../src/models/components/user.js";
import { collect, paginate } from "../../src/paginate/index.js";
import type { ListFunction } from "../../src/paginate/index.js";
import { makeUser, makeUsers, startClerkServer, type ClerkServer, type Served } from "./support/clerk-server.js";
import { runSimulated, simulatedFetch, useSimulatedTime } from "./support/fake-time.js";

const DEV_INSTANCE = { requests: 100, perMs: 10_000 };
const NO_RETRIES = { strategy: "none" } as const;

let server: ClerkServer;
beforeEach(async () => {
  useSimulatedTime();
  server = await startClerkServer();
});
afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

const core = (options: ConstructorParameters<typeof ClerkCore>[0] = {}) =>
  new ClerkCore({ serverUrl: server.url, bearerAuth: "sk_test_paginate", fetch: simulatedFetch, ...options });

/** Walks usersList to the end; returns every yielded user and every failed page. */
async function exportUsers(
  clerk: ClerkCore,
  request: Parameters<typeof paginate<typeof usersList>>[2] = {},
  options = {},
) {
  const users: User[] = [];
  const failures: Error[] = [];
  await runSimulated(
    (async () => {
      for await (const page of paginate(usersList, clerk, request, options)) {
        if (page.ok) users.push(...page.value);
        else failures.push(page.error);
      }
    })(),
  );
  return { users, failures };
}

const ids = (users: Array<{ id: string }>) => users.map((u) => u.id);
const wireIds = (users: Array<Record<string, unknown>>) => users.map((u) => u.id as string);
const userRequests = () => server.served.filter((s) => s.path === "/v1/users");

describe("exporting 10,000 users from a development instance (100 requests per 10 s)", () => {
  beforeEach(() => {
    server.users.push(...makeUsers(10_000));
    server.limit = DEV_INSTANCE;
  });

  it("with rateLimit: every user exactly once, in pages of 500 by cursor, no 429", async () => {
    const { users, failures } = await exportUsers(core({ rateLimit: slidingWindow(DEV_INSTANCE) }), {
      orderBy: "created_at",
    });
    expect(failures).toEqual([]);
    expect(ids(users)).toEqual(wireIds(server.users));
    // 20 full pages; the 20th reaches the end but is not short, so a 21st (empty) one confirms it.
    expect(userRequests().map((s) => s.query.get("limit"))).toEqual(Array(21).fill("500"));
    // Each page after the first starts after the last user of the one before; no offset is sent.
    expect(userRequests().map((s) => s.query.get("starting_after"))).toEqual([
      null,
      ...Array.from({ length: 20 }, (_, i) => server.users[i * 500 + 499]!.id),
    ]);
    expect(userRequests().filter((s) => s.query.has("offset"))).toEqual([]);
    expect(server.refused()).toBe(0);
  });

  it("with rateLimit and 25-user pages (400 requests, four times the window): no 429, every user once", async () => {
    const started = Date.now();
    const { users, failures } = await exportUsers(
      core({ rateLimit: slidingWindow(DEV_INSTANCE) }),
      { orderBy: "created_at" },
      { pageSize: 25 },
    );
    expect(failures).toEqual([]);
    expect(ids(users)).toEqual(wireIds(server.users));
    expect(new Set(ids(users)).size).toBe(10_000);
    expect(userRequests()).toHaveLength(401);
    expect(server.refused()).toBe(0);
    // 401 requests at 100 per 10 s take at least 40 s of (simulated) time.
    expect(Date.now() - started).toBeGreaterThanOrEqual(40_000);
  });

  it("without rateLimit: the 429s are absorbed, one wait per Retry-After, every user once", async () => {
    const { users, failures } = await exportUsers(core(), { orderBy: "created_at" }, { pageSize: 25 });
    expect(failures).toEqual([]);
    expect(ids(users)).toEqual(wireIds(server.users));
    // One walk sends one request at a time: one refusal per window it overruns (401 requests: 4),
    // then it waits out the Retry-After and carries on.
    expect(server.refused()).toBe(4);
    expectNothingSentDuringAPause(server.served);
  });

  it("without rateLimit, two walks on one core share each pause instead of each collecting 429s", async () => {
    const clerk = core();
    const both = await runSimulated(
      Promise.all([
        collect(usersList, clerk, { orderBy: "created_at" }, { pageSize: 25, maxItems: 10_000 }),
        collect(usersList, clerk, { orderBy: "-created_at" }, { pageSize: 25, maxItems: 10_000 }),
      ]),
    );
    for (const res of both) {
      expect(res.ok).toBe(true);
      expect(new Set(ids(res.value!)).size).toBe(10_000);
    }
    // 802 requests overrun 8 windows; at most the two requests in flight at that moment are refused.
    const refusedWindows = new Set(
      server.served.filter((s) => s.status === 429).map((s) => Math.floor(s.at / DEV_INSTANCE.perMs)),
    );
    expect(server.refused()).toBeLessThanOrEqual(2 * refusedWindows.size);
    expect(refusedWindows.size).toBeLessThanOrEqual(9);
    expectNothingSentDuringAPause(server.served);
  });
});

/** After a 429 no request reaches the server until its Retry-After has passed (requests in flight at that instant aside). */
function expectNothingSentDuringAPause(served: Served[]) {
  for (const refusal of served.filter((s) => s.status === 429)) {
    const during = served.filter((s) => s.at > refusal.at && s.at < refusal.at + refusal.retryAfterMs!);
    expect(during).toEqual([]);
  }
}

describe("users created and deleted during a walk: by cursor (created_at orders) against by offset (any other)", () => {
  let original: string[];
  beforeEach(() => {
    server.users.push(...makeUsers(1_000));
    original = wireIds(server.users);
  });

  /**
   * Walks usersList in pages of 50 while, before every second request, three users are
   * created, one user the walk has already yielded is deleted (never the last one yielded:
   * a cursor walk stands on it, see the next describe) and one it has not reached yet.
   * updated_at equals created_at here, so `updated_at` lists the same users in the same
   * order as `created_at`, but the walk goes by offset.
   */
  async function walkThroughChurn(orderBy: string) {
    const yielded: string[] = [];
    const created = new Set<string>();
    const deleted = new Set<string>();
    let clock = 1_800_000_000_000;
    let n = 0;
    server.beforeAnswer = (path) => {
      if (path !== "/v1/users" || ++n % 2 !== 0) return;
      for (const user of Array.from({ length: 3 }, () => makeUser((clock += 1000)))) {
        server.users.push(user);
        created.add(user.id as string);
      }
      const standingOn = yielded[yielded.length - 1];
      const behind = server.users.findIndex((u) => yielded.includes(u.id as string) && u.id !== standingOn);
      if (behind >= 0) deleted.add(server.users.splice(behind, 1)[0]!.id as string);
      const ahead = server.users.findIndex(
        (u) => original.includes(u.id as string) && !yielded.includes(u.id as string),
      );
      if (ahead >= 0) deleted.add(server.users.splice(ahead, 1)[0]!.id as string);
    };
    const failures: Error[] = [];
    const clerk = core();
    await runSimulated(
      (async () => {
        for await (const page of paginate(usersList, clerk, { orderBy }, { pageSize: 50 })) {
          if (page.ok) yielded.push(...ids(page.value));
          else failures.push(page.error);
        }
      })(),
    );
    const sent = userRequests().flatMap((s) => s.userIds ?? []);
    return {
      failures,
      deleted: deleted.size,
      /** Users the walk yielded more than once. */
      repeats: yielded.length - new Set(yielded).size,
      /** Users the server put on more than one page (the walk drops the repeats). */
      sentTwice: sent.length - new Set(sent).size,
      /** Users that existed for the whole walk but were never yielded. */
      missed: original.filter((id) => !deleted.has(id) && !yielded.includes(id)),
      /** Users created during the walk that it yielded. */
      newYielded: yielded.filter((id) => created.has(id)).length,
      byCursor: userRequests().filter((s) => s.query.has("starting_after")).length,
      byOffset: userRequests().filter((s) => s.query.has("offset")).length,
    };
  }

  it("by cursor, oldest first: every user that existed throughout exactly once, and the new ones at the end", async () => {
    const walk = await walkThroughChurn("created_at");
    expect(walk.failures).toEqual([]);
    expect(walk.byOffset).toBe(0);
    expect(walk.byCursor).toBeGreaterThan(10);
    expect(walk.deleted).toBeGreaterThan(10);
    expect(walk.missed).toEqual([]);
    expect(walk.repeats).toBe(0);
    expect(walk.sentTwice).toBe(0);
    expect(walk.newYielded).toBeGreaterThan(0);
  });

  it("by cursor, newest first (Clerk's default): every user that existed throughout exactly once; new ones sort before the cursor and are not reached", async () => {
    const walk = await walkThroughChurn("-created_at");
    expect(walk.failures).toEqual([]);
    expect(walk.byOffset).toBe(0);
    expect(walk.deleted).toBeGreaterThan(10);
    expect(walk.missed).toEqual([]);
    expect(walk.repeats).toBe(0);
    expect(walk.sentTwice).toBe(0);
    expect(walk.newYielded).toBe(0);
  });

  it("by offset, oldest first: each deletion behind the walk shifts the pages forward, so users are skipped", async () => {
    const walk = await walkThroughChurn("updated_at");
    expect(walk.failures).toEqual([]);
    expect(walk.byCursor).toBe(0);
    expect(walk.repeats).toBe(0);
    // At most one user skipped per user deleted behind the walk (half of the deletions).
    expect(walk.missed.length).toBeGreaterThan(0);
    expect(walk.missed.length).toBeLessThanOrEqual(walk.deleted / 2);
  });

  it("by offset, newest first: new users shift the pages back, so the server repeats users (the walk drops them)", async () => {
    const walk = await walkThroughChurn("-updated_at");
    expect(walk.failures).toEqual([]);
    expect(walk.byCursor).toBe(0);
    expect(walk.sentTwice).toBeGreaterThan(0);
    expect(walk.repeats).toBe(0);
    // Here more users are created than deleted behind the walk, so the pages only ever shift
    // back; where deletions outnumber creations they shift forward and skip users, as above.
    expect(walk.missed.length).toBeLessThanOrEqual(walk.deleted / 2);
  });
});

describe("the user a cursor walk stands on is deleted between two pages", () => {
  it("ends the walk with the server's answer (here 422); resuming after an earlier exported user misses nobody", async () => {
    server.users.push(...makeUsers(300));
    const everyone = wireIds(server.users);
    let deleted: string | undefined;
    server.beforeAnswer = (path, query) => {
      const cursor = query.get("starting_after");
      if (path === "/v1/users" && cursor && !deleted && server.served.length >= 2) {
        server.users.splice(
          server.users.findIndex((u) => u.id === cursor),
          1,
        );
        deleted = cursor;
      }
    };
    const clerk = core({ retryConfig: NO_RETRIES });
    const first = await exportUsers(clerk, { orderBy: "created_at" }, { pageSize: 50 });
    expect(ids(first.users)).toEqual(everyone.slice(0, 100));
    expect(first.failures.map((e) => [e.name, (e as { statusCode?: number }).statusCode])).toEqual([
      ["ClerkErrors", 422],
    ]);
    // Resume after the last exported user that still exists.
    const resumeAfter = ids(first.users)
      .filter((id) => id !== deleted)
      .at(-1)!;
    const rest = await exportUsers(clerk, { orderBy: "created_at", startingAfter: resumeAfter }, { pageSize: 50 });
    expect(rest.failures).toEqual([]);
    expect([...ids(first.users), ...ids(rest.users)]).toEqual(everyone);
  });
});

describe("how a walk ends", () => {
  beforeEach(() => {
    server.users.push(...makeUsers(120));
  });

  it("after a short page, by cursor in Clerk's default order (newest first)", async () => {
    const { users } = await exportUsers(core(), {}, { pageSize: 50 });
    const newestFirst = wireIds(server.users).reverse();
    expect(ids(users)).toEqual(newestFirst);
    expect(userRequests().map((s) => s.query.get("starting_after"))).toEqual([null, newestFirst[49], newestFirst[99]]);
    expect(userRequests().filter((s) => s.query.has("offset") || s.query.has("order_by"))).toEqual([]);
  });

  it("after a short page, by offset in any order but created_at", async () => {
    const { users } = await exportUsers(core(), { orderBy: "-updated_at" }, { pageSize: 50 });
    expect(ids(users)).toEqual(wireIds(server.users).reverse());
    expect(userRequests().map((s) => s.query.get("offset"))).toEqual(["0", "50", "100"]);
    expect(userRequests().filter((s) => s.query.has("starting_after"))).toEqual([]);
  });

  it("by cursor from a given startingAfter: resumes after that user", async () => {
    const oldestFirst = wireIds(server.users);
    const { users } = await exportUsers(
      core(),
      { orderBy: "+created_at", startingAfter: oldestFirst[69]! },
      { pageSize: 50 },
    );
    expect(ids(users)).toEqual(oldestFirst.slice(70));
    expect(userRequests().map((s) => s.query.get("starting_after"))).toEqual([oldestFirst[69], oldestFirst[119]]);
  });

  it("after an empty page when the last page was full", async () => {
    server.users.splice(100);
    const { users } = await exportUsers(core(), {}, { pageSize: 50 });
    expect(users).toHaveLength(100);
    expect(userRequests()).toHaveLength(3);
  });

  it("at maxItems, asking for no more than it needs", async () => {
    const { users } = await exportUsers(core(), { orderBy: "created_at" }, { pageSize: 50, maxItems: 70 });
    expect(ids(users)).toEqual(wireIds(server.users.slice(0, 70)));
    expect(userRequests().map((s) => s.query.get("limit"))).toEqual(["50", "20"]);
  });

  it("when a page fails after the call's own retries: one failed Result, then nothing", async () => {
    const clerk = core({
      retryConfig: {
        strategy: "backoff",
        backoff: { initialInterval: 10, maxInterval: 100, exponent: 1, maxElapsedTime: 1_000 },
        retryConnectionErrors: true,
      },
    });
    const pages: Array<{ ok: boolean; name?: string; count?: number }> = [];
    let first = true;
    server.beforeAnswer = (path) => {
      if (path === "/v1/users" && !first) server.failNext(1, 500);
      first = false;
    };
    await runSimulated(
      (async () => {
        for await (const page of paginate(usersList, clerk, {}, { pageSize: 50 }))
          pages.push(page.ok ? { ok: true, count: page.value.length } : { ok: false, name: page.error.name });
      })(),
    );
    expect(pages).toEqual([
      { ok: true, count: 50 },
      { ok: false, name: "ClerkErrors" },
    ]);
    // The second page was tried several times (retries) before the walk gave up.
    expect(userRequests().filter((s) => s.query.has("starting_after")).length).toBeGreaterThan(1);
  });

  it("when the signal aborts: one RequestAbortedError, nothing sent after", async () => {
    const controller = new AbortController();
    const clerk = core({ rateLimit: slidingWindow({ requests: 1, perMs: 10_000 }) });
    setTimeout(() => controller.abort(), 15_000);
    const { users, failures } = await exportUsers(clerk, {}, { pageSize: 10, signal: controller.signal });
    // Pages at 0 s and 10 s; the third waits for 20 s and is aborted at 15 s.
    expect(users).toHaveLength(20);
    expect(failures.map((e) => e.name)).toEqual(["RequestAbortedError"]);
    expect(userRequests()).toHaveLength(2);
  });

  it("never throws: a list function whose pages are not lists gives one UnexpectedClientError", async () => {
    const broken = Object.assign(async () => ({ ok: true as const, value: { nothing: "here" } }), {
      page: { shape: "envelope" as const, idField: "id" },
    });
    const pages = [];
    for await (const page of paginate(broken as unknown as ListFunction, core(), undefined as never)) pages.push(page);
    expect(pages).toHaveLength(1);
    expect((pages[0]!.error as Error).name).toBe("UnexpectedClientError");
  });
});

describe("collect", () => {
  it("gathers every item up to maxItems", async () => {
    server.users.push(...makeUsers(1_234));
    const res = await runSimulated(collect(usersList, core(), { orderBy: "created_at" }, { maxItems: 1_000 }));
    expect(ids(res.value!)).toEqual(wireIds(server.users.slice(0, 1_000)));
    expect(userRequests().map((s) => s.query.get("limit"))).toEqual(["500", "500"]);
  });

  it("returns the failure, not a partial list", async () => {
    server.users.push(...makeUsers(600));
    server.beforeAnswer = (_path, query) => {
      if (query.has("starting_after")) server.failNext(1, 500);
    };
    const res = await runSimulated(collect(usersList, core({ retryConfig: NO_RETRIES }), {}, { maxItems: 10_000 }));
    expect(res.ok).toBe(false);
    expect(res.error?.name).toBe("ClerkErrors");
    expect((res.error as { statusCode?: number }).statusCode).toBe(500);
  });
});

describe("envelope operations", () => {
  const wireOrganization = (i: number) => ({
    object: "organization",
    id: `org_${i}`,
    name: `Org ${i}`,
    slug: `org-${i}`,
    has_image: false,
    max_allowed_memberships: 5,
    admin_delete_enabled: true,
    public_metadata: {},
    created_at: 1_700_000_000_000 + i,
    updated_at: 1_700_000_000_000 + i,
  });

  it("stop when totalCount is reached, without asking for an empty page", async () => {
    const organizations = Array.from({ length: 1_000 }, (_, i) => wireOrganization(i));
    server.route = (path, query) => {
      if (path !== "/v1/organizations") return { status: 404 };
      const offset = Number(query.get("offset"));
      return {
        status: 200,
        body: {
          data: organizations.slice(offset, offset + Number(query.get("limit"))),
          total_count: organizations.length,
        },
      };
    };
    const res = await runSimulated(collect(organizationsList, core(), undefined, { maxItems: 5_000 }));
    expect(res.value?.map((o) => o.id)).toEqual(organizations.map((o) => o.id));
    expect(server.served.map((s) => s.query.get("offset"))).toEqual(["0", "500"]);
  });

  it("ask for paginated: true where the operation offers it, and use its total_count", async () => {
    server.route = (path, query) => ({
      status: 200,
      body: query.get("paginated") === "true" ? { data: [], total_count: 0 } : [],
    });
    const res = await runSimulated(collect(sessionsList, core(), { userId: "user_1" }, { maxItems: 10 }));
    expect(res).toEqual({ ok: true, value: [] });
    expect(server.served[0]!.query.get("paginated")).toBe("true");
  });
});

describe("every generated list operation", () => {
  const lists = Object.entries(funcs).filter(([, fn]) => typeof fn === "function" && "page" in fn) as unknown as Array<
    [string, ListFunction]
  >;
  // Inputs the operations require (patterns from the spec).
  const required: Record<string, Record<string, string>> = {
    apiKeysGetApiKeys: { subject: `user_${"a".repeat(27)}` },
    billingGetStatementPaymentAttempts: { statementID: "stmt_1" },
    emailSMSTemplatesList: { templateType: "email" },
    enterpriseConnectionsListTestRuns: { enterpriseConnectionId: "ent_1" },
    m2mListTokens: { subject: `mch_${"a".repeat(27)}` },
    organizationDomainsList: { organizationId: "org_1" },
    organizationInvitationsList: { organizationId: "org_1" },
    organizationInvitationsListPending: { organizationId: "org_1" },
    organizationMembershipsList: { organizationId: "org_1" },
    usersGetOAuthAccessToken: { userId: "user_1", provider: "oauth_google" },
    usersGetOrganizationInvitations: { userId: "user_1" },
    usersGetOrganizationMemberships: { userId: "user_1" },
  };

  it("are the 37 that take limit and offset", () => {
    expect(lists).toHaveLength(37);
  });

  it.each(lists)("%s: one request with the largest limit, an empty list back", async (name, fn) => {
    server.route = (_path, query) => {
      const envelope = fn.page.shape === "envelope" || query.get("paginated") === "true";
      const items = fn.page.itemsField ? fn.page.itemsField.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : "data";
      return { status: 200, body: envelope ? { [items]: [], total_count: 0 } : [] };
    };
    const pages = [];
    for await (const page of paginate(fn, core(), ...([required[name] ?? {}] as [never]))) pages.push(page);
    expect(pages).toEqual([]);
    expect(server.served).toHaveLength(1);
    const query = server.served[0]!.query;
    expect(query.get("limit")).toBe(String(fn.page.maxLimit));
    // usersList goes by cursor: its first page sends neither offset nor a cursor.
    expect(query.get("offset")).toBe(fn.page.cursor ? null : "0");
    expect(query.get("paginated")).toBe(fn.page.shape === "flag" ? "true" : null);
  });
});
