// Every walk ends (issue 22, items 1 and 6): a server that answers the same page
// again, a walk over an in-process fetch that must still let timers fire, and a
// careless caller's arguments. Over 127.0.0.1 (a real node:http server) and over
// fetch functions that answer in-process, as clerk-fn/testing's fake.fetch does:
// there a walk that never yields to the event loop would starve every timer.
//
// Each hostile server has a safety valve (it ends the list after many requests or
// seconds), so a walk that does not stop by itself ends the test with a failure
// instead of freezing it.
import { afterEach, describe, expect, it } from "vitest";
import { ClerkCore } from "../../src/core.js";
import { organizationsList } from "../../src/funcs/organizationsList.js";
import { usersList } from "../../src/funcs/usersList.js";
import { collect, paginate } from "../../src/paginate/index.js";
import type { ListFunction } from "../../src/paginate/index.js";
import { createClerkFake } from "../../src/testing/index.js";
import { wireUser } from "../support/builders.js";
import { sendJson, startHttpServer, type TestServer } from "../support/http-server.js";

/** Requests a hostile server answers before it gives in and ends the list. */
const VALVE_REQUESTS = 200;
/** Real time an endless in-process list runs before it ends itself. */
const VALVE_MS = 5_000;

const usersNumbered = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => wireUser({ id: `user_${String(from + i).padStart(8, "0")}` }));

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clerkAt = (serverUrl: string, fetch?: (input: Request | string | URL, init?: RequestInit) => Promise<Response>) =>
  new ClerkCore({
    serverUrl,
    bearerAuth: "sk_test_hostile",
    retryConfig: { strategy: "none" },
    ...(fetch && { fetch }),
  });

/** Every page of a walk, reduced to what the tests compare. */
async function pagesOf(walk: AsyncIterable<{ ok: boolean; value?: unknown[]; error?: unknown }>) {
  const pages: Array<{ items: number } | { error: string; message: string }> = [];
  for await (const page of walk) {
    const error = page.error as Error;
    pages.push(page.ok ? { items: page.value!.length } : { error: error.name, message: error.message });
  }
  return pages;
}

describe("a server that answers the same page again (item 1)", () => {
  /** Answers GET /v1/users with the same 10 users whatever the paging, until the valve. */
  const sameUsersAgain = () =>
    startHttpServer((_seen, res, index) => sendJson(res, 200, index < VALVE_REQUESTS ? usersNumbered(1, 10) : []));

  it("over 127.0.0.1, by offset: the second page brings nothing new, so the walk ends with an error after 2 requests", async () => {
    server = await sameUsersAgain();
    const pages = await pagesOf(
      paginate(usersList, clerkAt(`${server.url}/v1`), { orderBy: "updated_at" }, { pageSize: 10 }),
    );
    expect(pages).toEqual([
      { items: 10 },
      {
        error: "UnexpectedClientError",
        message: expect.stringMatching(/at offset 10 brought 10 items, all yielded before/),
      },
    ]);
    expect(server.seen).toHaveLength(2);
  });

  it("over 127.0.0.1, by cursor: a server that ignores starting_after ends the walk the same way", async () => {
    server = await sameUsersAgain();
    const pages = await pagesOf(paginate(usersList, clerkAt(`${server.url}/v1`), {}, { pageSize: 10 }));
    expect(pages).toEqual([
      { items: 10 },
      {
        error: "UnexpectedClientError",
        message: expect.stringMatching(/after user_00000010 brought 10 items, all yielded before/),
      },
    ]);
    expect(server.seen).toHaveLength(2);
    expect(new URL(server.seen[1]!.target, server.url).searchParams.get("starting_after")).toBe("user_00000010");
  });

  it("over 127.0.0.1, an envelope claiming total_count 1e12: collect ends with the error, not with a trillion requests", async () => {
    const organization = (i: number) => ({
      object: "organization",
      id: `org_${i}`,
      name: `Org ${i}`,
      slug: `org-${i}`,
      has_image: false,
      max_allowed_memberships: 5,
      admin_delete_enabled: true,
      public_metadata: {},
      created_at: 1_700_000_000_000,
      updated_at: 1_700_000_000_000,
    });
    server = await startHttpServer((_seen, res, index) =>
      sendJson(res, 200, {
        data: index < VALVE_REQUESTS ? Array.from({ length: 10 }, (_, i) => organization(i)) : [],
        total_count: 1e12,
      }),
    );
    const res = await collect(organizationsList, clerkAt(`${server.url}/v1`), undefined, {
      pageSize: 10,
      maxItems: 1_000_000,
    });
    expect(res.ok).toBe(false);
    expect(res.error?.name).toBe("UnexpectedClientError");
    expect(res.error?.message).toMatch(/all yielded before/);
    expect(server.seen).toHaveLength(2);
  });

  it("in-process, over clerk-fn/testing's fake.fetch with the paging stripped: two requests, then the error", async () => {
    const fake = createClerkFake({
      seed: {
        users: Array.from({ length: 30 }, (_, i) => ({ id: `user_${i}`, emailAddresses: [`u${i}@example.com`] })),
      },
    });
    let sent = 0;
    // The fake pages correctly; this fetch in front of it drops offset and starting_after, so every page is the first.
    const samePageFetch = (input: Request | string | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      if (++sent <= VALVE_REQUESTS) for (const name of ["offset", "starting_after"]) url.searchParams.delete(name);
      return fake.fetch(new Request(url, request));
    };
    const clerk = new ClerkCore({ serverUrl: fake.serverUrl, bearerAuth: fake.secretKey, fetch: samePageFetch });
    const res = await collect(usersList, clerk, {}, { pageSize: 10, maxItems: 1_000 });
    expect(res.error?.name).toBe("UnexpectedClientError");
    expect(res.error?.message).toMatch(/brought 10 items, all yielded before/);
    expect(sent).toBe(2);
  });
});

/**
 * An in-process list of endless distinct users (no I/O at all, like fake.fetch),
 * paged by offset or starting_after; after VALVE_MS of real time it ends itself.
 */
function endlessUsers() {
  const state = { requests: 0, valveReached: false, started: performance.now() };
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(new Request(input, init).url);
    state.requests++;
    state.valveReached ||= performance.now() - state.started > VALVE_MS;
    const limit = Number(url.searchParams.get("limit") ?? 10);
    const cursor = url.searchParams.get("starting_after");
    const from = cursor ? Number(cursor.slice("user_".length)) + 1 : Number(url.searchParams.get("offset") ?? 0);
    const body = state.valveReached ? [] : usersNumbered(from, limit);
    return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
  };
  return { state, clerk: clerkAt("https://api.clerk.test/v1", fetch) };
}

describe("timers fire during a walk over an in-process fetch (item 1)", () => {
  it("a 100 ms timer fires while the walk goes on, so the consumer can break", async () => {
    const { state, clerk } = endlessUsers();
    let timerFired = false;
    setTimeout(() => (timerFired = true), 100);
    let brokeByTimer = false;
    for await (const page of paginate(usersList, clerk, {}, { pageSize: 5 })) {
      expect(page.ok).toBe(true);
      if (timerFired) {
        brokeByTimer = true;
        break;
      }
    }
    expect(brokeByTimer).toBe(true);
    expect(state.valveReached).toBe(false);
    expect(state.requests).toBeGreaterThan(1);
  });

  it("AbortSignal.timeout(100) ends the walk with RequestAbortedError", async () => {
    const { state, clerk } = endlessUsers();
    const pages = await pagesOf(
      paginate(usersList, clerk, { orderBy: "updated_at" }, { pageSize: 5, signal: AbortSignal.timeout(100) }),
    );
    expect(pages.at(-1)).toEqual({ error: "RequestAbortedError", message: expect.any(String) });
    expect(pages.slice(0, -1).every((page) => "items" in page)).toBe(true);
    expect(state.valveReached).toBe(false);
  });

  it("a controller aborted from a 100 ms timer ends collect with RequestAbortedError", async () => {
    const { state, clerk } = endlessUsers();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const res = await collect(usersList, clerk, {}, { pageSize: 5, maxItems: Infinity, signal: controller.signal });
    expect(res.error?.name).toBe("RequestAbortedError");
    expect(state.valveReached).toBe(false);
  });
});

describe("a careless caller's arguments (item 6): an error Result naming the argument, nothing sent", () => {
  const startUsers = async (count = 25) => {
    server = await startHttpServer((seen, res) => {
      const query = new URL(seen.target, "http://127.0.0.1").searchParams;
      const offset = Number(query.get("offset") ?? 0);
      sendJson(res, 200, usersNumbered(1, count).slice(offset, offset + Number(query.get("limit"))));
    });
    return clerkAt(`${server.url}/v1`);
  };

  it("paginate(null) and paginate(a function that is not a list): InvalidRequestError about fn", async () => {
    const clerk = await startUsers();
    for (const fn of [null, undefined, "usersList", () => 1]) {
      const pages = await pagesOf(paginate(fn as unknown as ListFunction, clerk, undefined as never));
      expect(pages).toEqual([
        {
          error: "InvalidRequestError",
          message: expect.stringMatching(/^Invalid request, nothing sent: fn: must be a list function/),
        },
      ]);
    }
    expect(server!.seen).toEqual([]);
  });

  it("collect(undefined): InvalidRequestError about fn", async () => {
    const clerk = await startUsers();
    const res = await collect(undefined as unknown as typeof usersList, clerk, undefined, { maxItems: 10 });
    expect(res.error?.name).toBe("InvalidRequestError");
    expect(res.error?.message).toMatch(/fn: must be a list function/);
    expect(server!.seen).toEqual([]);
  });

  it.each([
    ["NaN", Number.NaN],
    ["-1", -1],
    ["null", null],
    ["1.5", 1.5],
    ['"10"', "10"],
    ["-Infinity", -Infinity],
  ])("collect with maxItems %s: InvalidRequestError about maxItems", async (_name, maxItems) => {
    const clerk = await startUsers();
    const res = await collect(usersList, clerk, {}, { maxItems: maxItems as number });
    expect(res.error?.name).toBe("InvalidRequestError");
    expect(res.error?.message).toMatch(/^Invalid request, nothing sent: maxItems: must be a whole number ≥ 0/);
    expect(server!.seen).toEqual([]);
  });

  it("collect without maxItems (options missing or without it): InvalidRequestError, maxItems is required", async () => {
    const clerk = await startUsers();
    for (const options of [undefined, {}, null]) {
      const res = await collect(usersList, clerk, {}, options as never);
      expect(res.error?.message).toMatch(/maxItems: is required/);
    }
    expect(server!.seen).toEqual([]);
  });

  it.each([0, 1.5, 501, Number.NaN, -5])(
    "pageSize %s: InvalidRequestError about pageSize (usersList allows 1 to 500)",
    async (pageSize) => {
      const clerk = await startUsers();
      const pages = await pagesOf(paginate(usersList, clerk, {}, { pageSize }));
      expect(pages).toEqual([
        {
          error: "InvalidRequestError",
          message: expect.stringMatching(/pageSize: must be a whole number from 1 to 500/),
        },
      ]);
      expect(server!.seen).toEqual([]);
    },
  );

  it("maxItems 0 gives an empty list without a request; Infinity gathers everything", async () => {
    const clerk = await startUsers();
    expect(await collect(usersList, clerk, {}, { maxItems: 0 })).toEqual({ ok: true, value: [] });
    expect(server!.seen).toEqual([]);
    const all = await collect(usersList, clerk, { orderBy: "updated_at" }, { maxItems: Infinity, pageSize: 10 });
    expect(all.value).toHaveLength(25);
  });

  it("options null counts as no options", async () => {
    const clerk = await startUsers();
    const pages = await pagesOf(paginate(usersList, clerk, { orderBy: "updated_at" }, null as never));
    expect(pages).toEqual([{ items: 25 }]);
  });
});

describe("items without an id (item 6)", () => {
  it("an item whose id is null or absent always counts as new", async () => {
    const idless = (i: number) => wireUser({ id: i % 2 ? null : undefined, first_name: `User ${i}` });
    server = await startHttpServer((seen, res) => {
      const query = new URL(seen.target, "http://127.0.0.1").searchParams;
      const offset = Number(query.get("offset") ?? 0);
      const all = Array.from({ length: 25 }, (_, i) => idless(i));
      sendJson(res, 200, all.slice(offset, offset + Number(query.get("limit"))));
    });
    const res = await collect(
      usersList,
      clerkAt(`${server.url}/v1`),
      { orderBy: "updated_at" },
      { pageSize: 10, maxItems: 100 },
    );
    expect(res.value?.map((user) => user.firstName)).toEqual(Array.from({ length: 25 }, (_, i) => `User ${i}`));
    expect(server.seen).toHaveLength(3);
  });

  it("a cursor walk whose page ends with an item without an id stops with an error: there is no cursor to go on from", async () => {
    server = await startHttpServer((_seen, res, index) =>
      sendJson(res, 200, index < VALVE_REQUESTS ? [...usersNumbered(1, 9), wireUser({ id: null })] : []),
    );
    const pages = await pagesOf(paginate(usersList, clerkAt(`${server.url}/v1`), {}, { pageSize: 10 }));
    expect(pages).toEqual([
      { items: 10 },
      { error: "UnexpectedClientError", message: expect.stringMatching(/ends with an item without an id/) },
    ]);
    expect(server.seen).toHaveLength(1);
  });
});
