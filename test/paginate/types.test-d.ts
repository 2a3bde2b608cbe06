// paginate and collect are typed from the function they walk.
import { describe, expectTypeOf, it } from "vitest";
import type { ClerkCore } from "../../src/core.js";
import type { OperationErrors } from "../../src/errors/index.js";
import { emailAddressesGet } from "../../src/funcs/emailAddressesGet.js";
import { m2mListTokens } from "../../src/funcs/m2mListTokens.js";
import { organizationMembershipsList } from "../../src/funcs/organizationMembershipsList.js";
import { organizationsList } from "../../src/funcs/organizationsList.js";
import { sessionsList } from "../../src/funcs/sessionsList.js";
import { usersCount } from "../../src/funcs/usersCount.js";
import { usersList } from "../../src/funcs/usersList.js";
import type { Organization } from "../../src/models/components/organization.js";
import type { OrganizationMembership } from "../../src/models/components/organizationMembership.js";
import type { Session } from "../../src/models/components/session.js";
import type { User } from "../../src/models/components/user.js";
import type { M2mListTokensResponseM2mTokensItem } from "../../src/models/operations/m2mListTokens.js";
import { collect, paginate } from "../../src/paginate/index.js";
import type { Result } from "../../src/types/index.js";

declare const clerk: ClerkCore;

describe("paginate", () => {
  it("yields Results of User[] pages for usersList", async () => {
    for await (const page of paginate(usersList, clerk, { orderBy: "created_at" })) {
      expectTypeOf(page).toEqualTypeOf<Result<User[], OperationErrors>>();
      if (page.ok) expectTypeOf(page.value).toEqualTypeOf<User[]>();
    }
  });

  it("yields pages of Organization for organizationsList (the { data, totalCount } envelope)", async () => {
    for await (const page of paginate(organizationsList, clerk)) {
      if (page.ok) expectTypeOf(page.value).toEqualTypeOf<Organization[]>();
    }
  });

  it("yields Session pages for sessionsList, whose value depends on `paginated`", async () => {
    for await (const page of paginate(sessionsList, clerk, { userId: "user_1" })) {
      if (page.ok) expectTypeOf(page.value).toEqualTypeOf<Session[]>();
    }
  });

  it("finds the items of an envelope whose array is not called data", async () => {
    for await (const page of paginate(m2mListTokens, clerk, { subject: "mch_x" })) {
      if (page.ok) expectTypeOf(page.value).toEqualTypeOf<M2mListTokensResponseM2mTokensItem[]>();
    }
  });

  it("takes the function's request without limit, offset and paginated", () => {
    paginate(usersList, clerk);
    paginate(
      usersList,
      clerk,
      { orderBy: "-created_at", emailAddress: ["a@example.com"] },
      { pageSize: 100, maxItems: 1000 },
    );
    // @ts-expect-error the walk sets limit itself
    paginate(usersList, clerk, { limit: 10 });
    // @ts-expect-error and offset
    paginate(usersList, clerk, { offset: 10 });
    // @ts-expect-error and paginated
    paginate(sessionsList, clerk, { paginated: false });
    // @ts-expect-error not a parameter of usersList
    paginate(usersList, clerk, { nope: 1 });
  });

  it("requires the request when the function does", () => {
    paginate(organizationMembershipsList, clerk, { organizationId: "org_1" });
    // @ts-expect-error organizationId is required
    paginate(organizationMembershipsList, clerk);
    expectTypeOf(
      collect(organizationMembershipsList, clerk, { organizationId: "org_1" }, { maxItems: 10 }),
    ).resolves.toEqualTypeOf<Result<OrganizationMembership[], OperationErrors>>();
  });

  it("rejects a function that is not a list", () => {
    // @ts-expect-error emailAddressesGet does not page
    paginate(emailAddressesGet, clerk, { emailAddressId: "idn_1" });
    // @ts-expect-error usersCount does not page
    paginate(usersCount, clerk);
    // @ts-expect-error a hand-written function carries no page info
    paginate(async (_core: ClerkCore) => ({ ok: true as const, value: [] as string[] }), clerk);
  });
});

describe("collect", () => {
  it("returns one Result of all items", () => {
    expectTypeOf(collect(usersList, clerk, {}, { maxItems: 10_000 })).resolves.toEqualTypeOf<
      Result<User[], OperationErrors>
    >();
    expectTypeOf(collect(organizationsList, clerk, undefined, { maxItems: 100 })).resolves.toEqualTypeOf<
      Result<Organization[], OperationErrors>
    >();
  });

  it("requires maxItems", () => {
    // @ts-expect-error maxItems is required
    collect(usersList, clerk, {}, {});
    // @ts-expect-error options are required
    collect(usersList, clerk, {});
  });
});
