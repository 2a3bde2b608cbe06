// The same export against clerk-fn/testing, the in-process Clerk fake, whose
// rateLimit and failNext model a development instance's limit and one-off
// failures, and whose GetUserList answers the starting_after cursor paginate
// walks by. Its clock is the (faked) Date, so the limit runs on simulated time.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ClerkCore, slidingWindow } from "../../src/core.js";
import { usersList } from "../../src/funcs/usersList.js";
import { collect, paginate } from "../../src/paginate/index.js";
import { createClerkFake, type ClerkFake } from "../../src/testing/index.js";
import { runSimulated, useSimulatedTime } from "./support/fake-time.js";

const DEV_INSTANCE = { requests: 100, perMs: 10_000 };
const USERS = 500;
// Pages of 2: 250 requests, two and a half windows' worth.
const PAGE = 2;

let fake: ClerkFake;
beforeEach(() => {
  useSimulatedTime();
  fake = createClerkFake({
    seed: {
      users: Array.from({ length: USERS }, (_, i) => ({
        id: `user_${String(i).padStart(5, "0")}`,
        emailAddresses: [`u${i}@example.com`],
      })),
    },
  });
  fake.rateLimit(DEV_INSTANCE);
});
afterEach(() => {
  vi.useRealTimers();
});

const core = (options: ConstructorParameters<typeof ClerkCore>[0] = {}) =>
  new ClerkCore({ bearerAuth: fake.secretKey, serverUrl: fake.serverUrl, fetch: fake.fetch, ...options });
const listRequests = () => fake.requests.filter((r) => r.operationId === "GetUserList");

describe("paginate against clerk-fn/testing at 100 requests per 10 s", () => {
  it("with rateLimit: every user exactly once, no 429", async () => {
    const res = await runSimulated(
      collect(
        usersList,
        core({ rateLimit: slidingWindow(DEV_INSTANCE) }),
        { orderBy: "created_at" },
        { pageSize: PAGE, maxItems: USERS },
      ),
    );
    expect(res.ok).toBe(true);
    expect(new Set(res.value!.map((u) => u.id)).size).toBe(USERS);
    // collect stops at maxItems: no empty page to confirm the end.
    expect(listRequests()).toHaveLength(USERS / PAGE);
    expect(listRequests().filter((r) => r.status === 429)).toEqual([]);
    // By cursor: every page after the first starts after the last user of the one before.
    const ids = res.value!.map((u) => u.id);
    expect(listRequests().map((r) => r.query["starting_after"])).toEqual([
      undefined,
      ...ids.filter((_, i) => i % PAGE === PAGE - 1).slice(0, -1),
    ]);
    expect(listRequests().filter((r) => "offset" in r.query)).toEqual([]);
  });

  it("without rateLimit: each 429 waited out once, every user exactly once", async () => {
    const res = await runSimulated(
      collect(usersList, core(), { orderBy: "created_at" }, { pageSize: PAGE, maxItems: USERS }),
    );
    expect(res.ok).toBe(true);
    expect(new Set(res.value!.map((u) => u.id)).size).toBe(USERS);
    // 250 requests overrun the limit of 100 in a window twice; one walk is refused once per overrun.
    const refused = listRequests().filter((r) => r.status === 429).length;
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(2);
    expect(listRequests().filter((r) => r.status === 200)).toHaveLength(USERS / PAGE);
  });

  it("a page that keeps failing ends the walk with that error, once", async () => {
    fake.failNext({ operationId: "GetUserList", status: 500, times: 100 });
    const pages = [];
    for await (const page of paginate(usersList, core({ retryConfig: { strategy: "none" } }))) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.ok).toBe(false);
  });
});
