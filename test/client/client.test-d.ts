import { describe, expectTypeOf, it } from "vitest";
import { Clerk } from "../../src/client/index.js";
import type { ClerkCore } from "../../src/core.js";
import type { RequestOptions } from "../../src/lib/request.js";
import {
  allowlistIdentifiersList,
  emailAddressesGet,
  jwksGetJWKS,
  usersGet,
  usersList,
} from "../../src/funcs/index.js";

declare const clerk: Clerk;
declare const core: ClerkCore;

describe("clerk-fn/client types", () => {
  it("a member is its function without the core: same parameters, same Result", () => {
    expectTypeOf(clerk.emailAddresses.get).parameters.toEqualTypeOf<
      Parameters<typeof emailAddressesGet> extends [ClerkCore, ...infer Rest] ? Rest : never
    >();
    expectTypeOf(clerk.emailAddresses.get).returns.toEqualTypeOf<ReturnType<typeof emailAddressesGet>>();
    expectTypeOf(clerk.users.list).returns.toEqualTypeOf<ReturnType<typeof usersList>>();
    expectTypeOf(clerk.users.get({ userId: "user_1" })).toEqualTypeOf(usersGet(core, { userId: "user_1" }));
  });

  it("the request is required where the function requires it", () => {
    // @ts-expect-error usersGet needs { userId }
    void clerk.users.get();
    // @ts-expect-error a wrong property is a type error, as for the function
    void clerk.users.get({ userId: "user_1", nope: 1 });
  });

  it("an operation without inputs takes what the function takes: (request?, options?)", () => {
    expectTypeOf(clerk.jwks.getJWKS).parameters.toEqualTypeOf<
      [request?: Record<string, never>, options?: RequestOptions]
    >();
    expectTypeOf(clerk.jwks.getJWKS()).toEqualTypeOf(jwksGetJWKS(core));
  });

  it("a list whose value follows `paginated` keeps its three signatures", () => {
    expectTypeOf(clerk.allowlistIdentifiers.list({ paginated: true })).toEqualTypeOf(
      allowlistIdentifiersList(core, { paginated: true }),
    );
    expectTypeOf(clerk.allowlistIdentifiers.list()).toEqualTypeOf(allowlistIdentifiersList(core));
    const flag = Math.random() > 0.5;
    expectTypeOf(clerk.allowlistIdentifiers.list({ paginated: flag })).toEqualTypeOf(
      allowlistIdentifiersList(core, { paginated: flag }),
    );
  });
});
