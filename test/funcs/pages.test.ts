import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import type { ClerkCore } from "../../src/core.js";
import * as funcs from "../../src/funcs/index.js";
import { emailAddressesGet } from "../../src/funcs/emailAddressesGet.js";
import { m2mListTokens } from "../../src/funcs/m2mListTokens.js";
import { sessionsList } from "../../src/funcs/sessionsList.js";
import { usersList } from "../../src/funcs/usersList.js";
import type { PageInfo } from "../../src/lib/pagination.js";
import type { SessionList } from "../../src/models/components/sessionList.js";
import type { SessionsListPaginatedResponse } from "../../src/models/operations/sessionsList.js";
import type { Result } from "../../src/types/index.js";
import { sendJson, type TestServer } from "../support/http-server.js";
import { startServerAndCore } from "../support/server-and-core.js";

let server: TestServer;
let clerk: ClerkCore;
beforeAll(async () => {
  ({ server, clerk } = await startServerAndCore("sk_test_pages"));
});
afterAll(() => server.close());
beforeEach(() => void server.seen.splice(0));

const wireSession = (id: string) => ({
  id,
  object: "session",
  user_id: "user_1",
  client_id: "client_1",
  status: "active",
  last_active_at: 1,
  expire_at: 2,
  abandon_at: 3,
  updated_at: 4,
  created_at: 5,
});

describe("list functions carry their PageInfo", () => {
  it("37 of the 249 functions have `page`, with the facts of the spec", () => {
    const all = Object.entries(funcs).filter(([, f]) => typeof f === "function") as [string, { page?: PageInfo }][];
    expect(all).toHaveLength(249);
    expect(all.filter(([, f]) => f.page)).toHaveLength(37);
    expect(usersList.page).toEqual({ maxLimit: 500, shape: "array", idField: "id", cursor: "startingAfter" });
    expect(sessionsList.page).toEqual({ maxLimit: 500, shape: "flag", idField: "id" });
    expect(m2mListTokens.page).toEqual({ maxLimit: 100, shape: "envelope", idField: "id", itemsField: "m2mTokens" });
    expect(funcs.organizationsList.page).toEqual({ maxLimit: 500, shape: "envelope", idField: "id" });
    expect("page" in emailAddressesGet).toBe(false);
    expect(usersList.name).toBe("usersList");
  });
});

describe("`paginated: true` (sessionsList and the other seven)", () => {
  it("sends paginated=true and decodes the { data, total_count } envelope Clerk answers", async () => {
    server.reply((_r, res) =>
      sendJson(res, 200, { data: [wireSession("sess_1"), wireSession("sess_2")], total_count: 12 }),
    );
    const res = await sessionsList(clerk, { paginated: true, limit: 2, offset: 4 });
    const url = new URL(server.seen[0]!.target, server.url);
    expect(url.searchParams.get("paginated")).toBe("true");
    expect(url.searchParams.get("offset")).toBe("4");
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expectTypeOf(res.value).toEqualTypeOf<SessionsListPaginatedResponse>();
    expect(res.value.totalCount).toBe(12);
    expect(res.value.data.map((s) => s.id)).toEqual(["sess_1", "sess_2"]);
    expect(res.value.data[0]!.userId).toBe("user_1");
  });

  it("without it, the bare array the spec declares", async () => {
    server.reply((_r, res) => sendJson(res, 200, [wireSession("sess_3")]));
    const res = await sessionsList(clerk, { userId: "user_1" });
    expect(new URL(server.seen[0]!.target, server.url).searchParams.has("paginated")).toBe(false);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expectTypeOf(res.value).toEqualTypeOf<SessionList>();
    expect(res.value.map((s) => s.id)).toEqual(["sess_3"]);
  });

  it("a body of neither form is still ResponseValidationError", async () => {
    server.reply((_r, res) => sendJson(res, 200, "sessions"));
    const res = await sessionsList(clerk, { paginated: true });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.name).toBe("ResponseValidationError");
  });

  it("the value type follows the request", () => {
    type Value<R> = R extends Promise<Result<infer V, unknown>> ? V : never;
    const _paged = () => sessionsList(clerk, { paginated: true });
    const _bare = () => sessionsList(clerk);
    const _unflagged = () => sessionsList(clerk, { paginated: false });
    const _either = (flag: boolean) => sessionsList(clerk, { paginated: flag });
    expectTypeOf<Value<ReturnType<typeof _paged>>>().toEqualTypeOf<SessionsListPaginatedResponse>();
    expectTypeOf<Value<ReturnType<typeof _bare>>>().toEqualTypeOf<SessionList>();
    expectTypeOf<Value<ReturnType<typeof _unflagged>>>().toEqualTypeOf<SessionList>();
    expectTypeOf<Value<ReturnType<typeof _either>>>().toEqualTypeOf<SessionList | SessionsListPaginatedResponse>();
    expectTypeOf(sessionsList.page).toEqualTypeOf<PageInfo>();
  });
});
