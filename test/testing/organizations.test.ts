// Organizations, memberships and organization invitations through the public functions.
import { describe, expect, it } from "vitest";
import { organizationInvitationsBulkCreate } from "../../src/funcs/organizationInvitationsBulkCreate.js";
import { organizationInvitationsCreate } from "../../src/funcs/organizationInvitationsCreate.js";
import { organizationInvitationsGet } from "../../src/funcs/organizationInvitationsGet.js";
import { organizationInvitationsList } from "../../src/funcs/organizationInvitationsList.js";
import { organizationInvitationsRevoke } from "../../src/funcs/organizationInvitationsRevoke.js";
import { organizationMembershipsCreate } from "../../src/funcs/organizationMembershipsCreate.js";
import { organizationMembershipsDelete } from "../../src/funcs/organizationMembershipsDelete.js";
import { organizationMembershipsList } from "../../src/funcs/organizationMembershipsList.js";
import { organizationMembershipsUpdate } from "../../src/funcs/organizationMembershipsUpdate.js";
import { organizationMembershipsUpdateMetadata } from "../../src/funcs/organizationMembershipsUpdateMetadata.js";
import { organizationsCreate } from "../../src/funcs/organizationsCreate.js";
import { organizationsDelete } from "../../src/funcs/organizationsDelete.js";
import { organizationsGet } from "../../src/funcs/organizationsGet.js";
import { organizationsList } from "../../src/funcs/organizationsList.js";
import { organizationsMergeMetadata } from "../../src/funcs/organizationsMergeMetadata.js";
import { organizationsUpdate } from "../../src/funcs/organizationsUpdate.js";
import { usersDelete } from "../../src/funcs/usersDelete.js";
import { usersGetOrganizationMemberships } from "../../src/funcs/usersGetOrganizationMemberships.js";
import { usersList } from "../../src/funcs/usersList.js";
import { harness, useSpecCheck } from "./support/checked.js";
import { clerkErrorOf, unwrapOk } from "./support/results.js";

useSpecCheck("organizations.test.ts");

const people = {
  users: [
    {
      id: "user_2ada000000000000000000000",
      firstName: "Ada",
      lastName: "Lovelace",
      emailAddresses: ["ada@example.com"],
    },
    {
      id: "user_2alan00000000000000000000",
      firstName: "Alan",
      lastName: "Turing",
      emailAddresses: ["alan@example.com"],
    },
    {
      id: "user_2grace0000000000000000000",
      firstName: "Grace",
      lastName: "Hopper",
      emailAddresses: ["grace@example.com"],
    },
  ],
};
const [ADA, ALAN, GRACE] = people.users.map((u) => u.id) as [string, string, string];

describe("organizations", () => {
  it("creates with created_by as the first org:admin, gets by id or slug, keeps members_count", async () => {
    const { core } = harness({ seed: people });
    const org = unwrapOk(
      await organizationsCreate(core, {
        requestBody: { name: "Analytical Engines", createdBy: ADA, publicMetadata: { tier: "gold" } },
      }),
    );
    expect(org.id).toMatch(/^org_[0-9A-Za-z]{27}$/);
    expect(org.slug).toBe("analytical-engines");
    expect(org.membersCount).toBe(1);
    expect(org.createdBy).toBe(ADA);
    const members = unwrapOk(await organizationMembershipsList(core, { organizationId: org.id }));
    expect(members.totalCount).toBe(1);
    expect(members.data[0]).toMatchObject({
      role: "org:admin",
      roleName: "Admin",
      publicUserData: { userId: ADA, identifier: "ada@example.com" },
    });
    expect(members.data[0]?.id).toMatch(/^orgmem_[0-9A-Za-z]{27}$/);
    expect(members.data[0]?.permissions).toContain("org:sys_memberships:manage");
    expect(unwrapOk(await organizationsGet(core, { organizationId: "analytical-engines" })).id).toBe(org.id);

    unwrapOk(
      await organizationMembershipsCreate(core, {
        organizationId: org.id,
        requestBody: { userId: ALAN, role: "org:member" },
      }),
    );
    const grace = unwrapOk(
      await organizationMembershipsCreate(core, {
        organizationId: org.id,
        requestBody: { userId: GRACE, role: "org:member", publicMetadata: { team: "navy" } },
      }),
    );
    expect(grace.organization.membersCount).toBe(3);
    expect(unwrapOk(await organizationsGet(core, { organizationId: org.id })).membersCount).toBe(3);
    const twice = clerkErrorOf(
      await organizationMembershipsCreate(core, {
        organizationId: org.id,
        requestBody: { userId: GRACE, role: "org:member" },
      }),
    );
    expect(twice.data.errors[0]?.code).toBe("already_a_member_in_organization");

    const promoted = unwrapOk(
      await organizationMembershipsUpdate(core, {
        organizationId: org.id,
        userId: GRACE,
        requestBody: { role: "org:admin" },
      }),
    );
    expect(promoted.role).toBe("org:admin");
    const meta = unwrapOk(
      await organizationMembershipsUpdateMetadata(core, {
        organizationId: org.id,
        userId: GRACE,
        requestBody: { publicMetadata: { team: null, rank: "admiral" } },
      }),
    );
    expect(meta.publicMetadata).toEqual({ rank: "admiral" });
    const admins = unwrapOk(
      await organizationMembershipsList(core, { organizationId: org.id, role: ["org:admin"], orderBy: "first_name" }),
    );
    expect(admins.data.map((m) => m.publicUserData?.firstName)).toEqual(["Ada", "Grace"]);

    const removed = unwrapOk(await organizationMembershipsDelete(core, { organizationId: org.id, userId: ALAN }));
    expect(removed.organization.membersCount).toBe(2);
    // Deleting a user drops its memberships too.
    unwrapOk(await usersDelete(core, { userId: GRACE }));
    expect(unwrapOk(await organizationsGet(core, { organizationId: org.id })).membersCount).toBe(1);
    expect(
      clerkErrorOf(await organizationMembershipsDelete(core, { organizationId: org.id, userId: ALAN })).statusCode,
    ).toBe(404);
  });

  it("rejects a taken slug (form_identifier_exists) and bad input, storing nothing", async () => {
    const { core } = harness({ seed: { ...people, organizations: [{ name: "Taken", slug: "taken" }] } });
    const taken = clerkErrorOf(await organizationsCreate(core, { requestBody: { name: "Other", slug: "taken" } }));
    expect(taken.statusCode).toBe(422);
    expect(taken.data.errors[0]).toMatchObject({ code: "form_identifier_exists", meta: { param_name: "slug" } });
    const badSlug = clerkErrorOf(
      await organizationsCreate(core, { requestBody: { name: "Other", slug: "Not A Slug" } }),
    );
    expect(badSlug.data.errors[0]?.code).toBe("form_param_format_invalid");
    const noCreator = clerkErrorOf(
      await organizationsCreate(core, { requestBody: { name: "Other", createdBy: "user_missing" } }),
    );
    expect(noCreator.statusCode).toBe(400);
    expect(noCreator.data.errors[0]?.code).toBe("organization_creator_not_found");
    const org = unwrapOk(await organizationsList(core)).data[0]!;
    const clash = clerkErrorOf(
      await organizationsCreate(core, { requestBody: { name: "Fresh" } }).then(async () =>
        organizationsUpdate(core, { organizationId: org.id, requestBody: { slug: "fresh" } }),
      ),
    );
    expect(clash.data.errors[0]?.code).toBe("form_identifier_exists");
    expect(unwrapOk(await organizationsList(core)).totalCount).toBe(2);
  });

  it("lists with query, user_id, order_by and paging; updates, merges metadata and deletes", async () => {
    const { core } = harness({
      now: () => new Date(Date.UTC(2026, 2, 1)),
      seed: {
        ...people,
        organizations: [
          { name: "Zeta", createdBy: ADA, members: [{ userId: ALAN }] },
          { name: "Alpha", createdBy: ALAN },
          { name: "Mu", createdBy: GRACE, members: [{ userId: ADA }, { userId: ALAN, role: "org:admin" }] },
        ],
      },
    });
    const names = (list: { data: { name: string }[] }) => list.data.map((o) => o.name);
    expect(names(unwrapOk(await organizationsList(core)))).toEqual(["Mu", "Alpha", "Zeta"]);
    expect(names(unwrapOk(await organizationsList(core, { orderBy: "name" })))).toEqual(["Alpha", "Mu", "Zeta"]);
    expect(names(unwrapOk(await organizationsList(core, { orderBy: "-members_count" })))).toEqual([
      "Mu",
      "Zeta",
      "Alpha",
    ]);
    expect(names(unwrapOk(await organizationsList(core, { orderBy: "name", limit: 1, offset: 1 })))).toEqual(["Mu"]);
    const paged = unwrapOk(await organizationsList(core, { limit: 1 }));
    expect(paged.totalCount).toBe(3);
    expect(names(unwrapOk(await organizationsList(core, { query: "ALP" })))).toEqual(["Alpha"]);
    expect(names(unwrapOk(await organizationsList(core, { userId: [GRACE] })))).toEqual(["Mu"]);
    expect(
      unwrapOk(
        await usersList(core, {
          organizationId: [unwrapOk(await organizationsList(core, { query: "mu" })).data[0]!.id],
          orderBy: "first_name",
        }),
      ).map((u) => u.firstName),
    ).toEqual(["Ada", "Alan", "Grace"]);
    expect(unwrapOk(await usersGetOrganizationMemberships(core, { userId: ALAN })).totalCount).toBe(3);

    const mu = unwrapOk(await organizationsList(core, { query: "Mu" })).data[0]!;
    const renamed = unwrapOk(
      await organizationsUpdate(core, {
        organizationId: mu.id,
        requestBody: { name: "Mu Prime", maxAllowedMemberships: 10 },
      }),
    );
    expect(renamed).toMatchObject({ name: "Mu Prime", maxAllowedMemberships: 10, slug: "mu" });
    unwrapOk(
      await organizationsMergeMetadata(core, {
        organizationId: mu.id,
        requestBody: { publicMetadata: { a: { b: 1 } } },
      }),
    );
    const merged = unwrapOk(
      await organizationsMergeMetadata(core, {
        organizationId: mu.id,
        requestBody: { publicMetadata: { a: { c: 2 } }, privateMetadata: { p: true } },
      }),
    );
    expect(merged.publicMetadata).toEqual({ a: { b: 1, c: 2 } });
    expect(merged.privateMetadata).toEqual({ p: true });
    expect(unwrapOk(await organizationsDelete(core, { organizationId: mu.id }))).toMatchObject({
      object: "organization",
      id: mu.id,
      deleted: true,
    });
    expect(clerkErrorOf(await organizationsGet(core, { organizationId: mu.id })).statusCode).toBe(404);
    expect(unwrapOk(await usersGetOrganizationMemberships(core, { userId: ALAN })).totalCount).toBe(2);
  });
});

describe("organization invitations", () => {
  it("creates, bulk creates, lists by status, gets and revokes", async () => {
    const { core } = harness({
      seed: { ...people, organizations: [{ id: "org_2engines0000000000000000000", name: "Engines", createdBy: ADA }] },
    });
    const organizationId = "org_2engines0000000000000000000";
    const one = unwrapOk(
      await organizationInvitationsCreate(core, {
        organizationId,
        requestBody: { emailAddress: "new@example.com", role: "org:member", inviterUserId: ADA },
      }),
    );
    expect(one).toMatchObject({
      status: "pending",
      role: "org:member",
      organizationId,
      inviterId: ADA,
      publicInviterData: { userId: ADA, identifier: "ada@example.com" },
    });
    const dup = clerkErrorOf(
      await organizationInvitationsCreate(core, {
        organizationId,
        requestBody: { emailAddress: "NEW@example.com", role: "org:member", inviterUserId: ADA },
      }),
    );
    expect(dup.statusCode).toBe(400);
    expect(dup.data.errors[0]?.code).toBe("organization_invitation_not_unique");
    const bulk = unwrapOk(
      await organizationInvitationsBulkCreate(core, {
        organizationId,
        requestBody: [
          { emailAddress: "b1@example.com", role: "org:member", inviterUserId: ADA },
          { emailAddress: "b2@example.com", role: "org:admin", inviterUserId: ADA },
        ],
      }),
    );
    expect(bulk.totalCount).toBe(2);
    // All or nothing: one bad entry and none is stored.
    const badBulk = clerkErrorOf(
      await organizationInvitationsBulkCreate(core, {
        organizationId,
        requestBody: [
          { emailAddress: "b3@example.com", role: "org:member", inviterUserId: ADA },
          { emailAddress: "nope", role: "org:member", inviterUserId: ADA },
        ],
      }),
    );
    expect(badBulk.data.errors[0]?.code).toBe("form_param_format_invalid");
    expect(unwrapOk(await organizationsGet(core, { organizationId })).pendingInvitationsCount).toBe(3);
    expect(
      unwrapOk(await organizationInvitationsGet(core, { organizationId, invitationId: one.id })).emailAddress,
    ).toBe("new@example.com");
    const revoked = unwrapOk(
      await organizationInvitationsRevoke(core, {
        organizationId,
        invitationId: one.id,
        requestBody: { requestingUserId: ADA },
      }),
    );
    expect(revoked.status).toBe("revoked");
    expect(
      clerkErrorOf(await organizationInvitationsRevoke(core, { organizationId, invitationId: one.id, requestBody: {} }))
        .statusCode,
    ).toBe(404);
    expect(
      unwrapOk(await organizationInvitationsList(core, { organizationId, status: "pending" }))
        .data.map((i) => i.emailAddress)
        .sort(),
    ).toEqual(["b1@example.com", "b2@example.com"]);
    expect(unwrapOk(await organizationInvitationsList(core, { organizationId, status: "revoked" })).totalCount).toBe(1);
    expect(unwrapOk(await organizationInvitationsList(core, { organizationId })).totalCount).toBe(3);
    expect(
      clerkErrorOf(await organizationInvitationsGet(core, { organizationId, invitationId: "orginv_missing" }))
        .statusCode,
    ).toBe(404);
  });
});
