// The fake's own controls: secret key, 501 for unmodelled operations, requests,
// failNext, rateLimit (with the SDK's retries observed through fake.requests), reset, seed.
import { describe, expect, it } from "vitest";
import { ClerkCore } from "../../src/core.js";
import { APIError } from "../../src/errors/index.js";
import { samlConnectionsList } from "../../src/funcs/samlConnectionsList.js";
import { usersCount } from "../../src/funcs/usersCount.js";
import { usersCreate } from "../../src/funcs/usersCreate.js";
import { usersList } from "../../src/funcs/usersList.js";
import { createClerkFake, MODELLED_OPERATIONS } from "../../src/testing/index.js";
import { checkedFetch, harness, useSpecCheck } from "./support/checked.js";
import { clerkErrorOf, unwrapOk } from "./support/results.js";

useSpecCheck("fake-behaviour.test.ts");

const fastRetries = {
  strategy: "backoff",
  backoff: { initialInterval: 5, maxInterval: 2_000, exponent: 1.5, maxElapsedTime: 10_000 },
  retryConnectionErrors: true,
} as const;

describe("the fake's controls", () => {
  it("accepts only its secret key: anything else is 401 with Clerk's error body", async () => {
    const fake = createClerkFake();
    expect(fake.secretKey).toMatch(/^sk_test_/);
    const wrong = new ClerkCore({
      bearerAuth: "sk_test_wrong",
      serverUrl: fake.serverUrl,
      fetch: checkedFetch(fake.fetch),
      retryConfig: { strategy: "none" },
    });
    const denied = clerkErrorOf(await usersList(wrong));
    expect(denied.statusCode).toBe(401);
    expect(denied.data.errors[0]?.code).toBe("clerk_key_invalid");
    expect(denied.message).not.toContain(fake.secretKey);
    const fixed = createClerkFake({ secretKey: "sk_test_fixed_for_this_test" });
    expect(fixed.secretKey).toBe("sk_test_fixed_for_this_test");
  });

  it("answers 501 naming the operation for everything it does not model, never a made-up body", async () => {
    const { core, fake } = harness();
    const result = clerkErrorOf(await samlConnectionsList(core, {}));
    expect(result.statusCode).toBe(501);
    expect(result.data.errors[0]).toMatchObject({
      code: "operation_not_modelled",
      meta: { operation_id: "ListSAMLConnections" },
    });
    expect(result.data.errors[0]?.longMessage).toContain("ListSAMLConnections");
    expect(fake.requests.at(-1)).toMatchObject({ operationId: "ListSAMLConnections", status: 501 });
    expect(MODELLED_OPERATIONS).toContain("GetUserList");
    expect(MODELLED_OPERATIONS).not.toContain("ListSAMLConnections");
    const unknown = await fake.fetch(`${fake.serverUrl}/no_such_thing`, {
      headers: { authorization: `Bearer ${fake.secretKey}` },
    });
    expect(unknown.status).toBe(404);
  });

  it("records every request: method, path, query, parsed body, operation and status", async () => {
    const { core, fake } = harness();
    unwrapOk(await usersCreate(core, { requestBody: { firstName: "Rec" } }));
    unwrapOk(await usersList(core, { emailAddress: ["a@example.com", "b@example.com"], limit: 5 }));
    expect(fake.requests).toEqual([
      {
        method: "POST",
        path: "/users",
        query: {},
        body: { first_name: "Rec" },
        operationId: "CreateUser",
        status: 200,
      },
      {
        method: "GET",
        path: "/users",
        query: { email_address: ["a@example.com", "b@example.com"], limit: "5" },
        body: undefined,
        operationId: "GetUserList",
        status: 200,
      },
    ]);
  });

  it("failNext: the SDK retries a GET on 503 and succeeds; a POST is not retried without Retry-After", async () => {
    const { core, fake } = harness({}, { retryConfig: fastRetries });
    fake.failNext({ operationId: "GetUsersCount", status: 503, times: 2 });
    fake.failNext({ operationId: "CreateUser", status: 500 });
    expect(unwrapOk(await usersCount(core)).totalCount).toBe(0);
    expect(fake.requests.map((r) => `${r.operationId} ${r.status}`)).toEqual([
      "GetUsersCount 503",
      "GetUsersCount 503",
      "GetUsersCount 200",
    ]);
    const failed = clerkErrorOf(await usersCreate(core, { requestBody: {} }));
    expect(failed.statusCode).toBe(500);
    expect(fake.requests.filter((r) => r.operationId === "CreateUser").map((r) => r.status)).toEqual([500]);
    // With Retry-After, a 429 on a POST is retried once the wait is over.
    fake.failNext({ status: 429, retryAfterSeconds: 1 });
    unwrapOk(await usersCreate(core, { requestBody: { firstName: "After" } }));
    expect(fake.requests.filter((r) => r.operationId === "CreateUser").map((r) => r.status)).toEqual([500, 429, 200]);
  });

  it("failNext carries Retry-After and Clerk's body; without operationId it hits the next request of any kind", async () => {
    const { core, fake } = harness();
    fake.failNext({ status: 429, retryAfterSeconds: 7 });
    const limited = clerkErrorOf(await usersList(core));
    expect(limited.statusCode).toBe(429);
    expect(limited.retryAfterMs).toBe(7_000);
    expect(limited.data.errors[0]?.code).toBe("too_many_requests");
    fake.failNext({ status: 502 });
    const bad = await usersList(core);
    expect(bad.ok).toBe(false);
    expect(bad.error instanceof APIError || (bad.error as { statusCode?: number }).statusCode === 502).toBe(true);
    expect(unwrapOk(await usersList(core))).toEqual([]);
  });

  it("rateLimit: 429 + Retry-After past the rate, counted on the fake's clock", async () => {
    let now = Date.UTC(2026, 0, 1);
    const { core, fake } = harness({ now: () => new Date(now) });
    fake.rateLimit({ requests: 3, perMs: 10_000 });
    for (let i = 0; i < 3; i++) unwrapOk(await usersCount(core));
    const limited = clerkErrorOf(await usersCount(core));
    expect(limited.statusCode).toBe(429);
    expect(limited.retryAfterMs).toBe(10_000);
    now += 4_000;
    expect(clerkErrorOf(await usersCount(core)).retryAfterMs).toBe(6_000);
    now += 6_001;
    unwrapOk(await usersCount(core));
    fake.rateLimit(undefined);
    for (let i = 0; i < 5; i++) unwrapOk(await usersCount(core));
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(2);
  });

  it("rateLimit with the SDK's retries: the limited call waits for Retry-After and then succeeds", async () => {
    const { core, fake } = harness({}, { retryConfig: fastRetries });
    fake.rateLimit({ requests: 2, perMs: 1_000 });
    unwrapOk(await usersCount(core));
    unwrapOk(await usersCount(core));
    unwrapOk(await usersCount(core));
    const statuses = fake.requests.map((r) => r.status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 429]);
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
  });

  it("reset() returns to the seed: data, requests, failures and limits cleared", async () => {
    const { core, fake } = harness({ seed: { users: [{ id: "user_2seed0000000000000000000", firstName: "Seed" }] } });
    unwrapOk(await usersCreate(core, { requestBody: { firstName: "Extra" } }));
    fake.failNext({ status: 500, times: 5 });
    fake.rateLimit({ requests: 1, perMs: 60_000 });
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    expect(unwrapOk(await usersList(core)).map((u) => u.id)).toEqual(["user_2seed0000000000000000000"]);
    expect(unwrapOk(await usersCount(core)).totalCount).toBe(1);
  });

  it("a seed that breaks Clerk's rules throws at once", () => {
    expect(() =>
      createClerkFake({
        seed: { users: [{ emailAddresses: ["same@example.com"] }, { emailAddresses: ["same@example.com"] }] },
      }),
    ).toThrow(/taken/);
    expect(() => createClerkFake({ seed: { organizations: [{ name: "X", createdBy: "user_nobody" }] } })).toThrow(
      /created_by does not exist/,
    );
  });

  it("a malformed JSON body is 400, and the spec check itself rejects a body missing a required field", async () => {
    const fake = createClerkFake();
    const response = await checkedFetch(fake.fetch)(`${fake.serverUrl}/users`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.secretKey}` },
      body: "{not json",
    });
    expect(response.status).toBe(400);
  });
});
