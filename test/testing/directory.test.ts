// Application invitations and the allowlist / blocklist.
import { describe, expect, it } from "vitest";
import { allowlistIdentifiersCreate } from "../../src/funcs/allowlistIdentifiersCreate.js";
import { allowlistIdentifiersDelete } from "../../src/funcs/allowlistIdentifiersDelete.js";
import { allowlistIdentifiersList } from "../../src/funcs/allowlistIdentifiersList.js";
import { blocklistIdentifiersCreate } from "../../src/funcs/blocklistIdentifiersCreate.js";
import { blocklistIdentifiersDelete } from "../../src/funcs/blocklistIdentifiersDelete.js";
import { blocklistIdentifiersList } from "../../src/funcs/blocklistIdentifiersList.js";
import { invitationsBulkCreate } from "../../src/funcs/invitationsBulkCreate.js";
import { invitationsCreate } from "../../src/funcs/invitationsCreate.js";
import { invitationsList } from "../../src/funcs/invitationsList.js";
import { invitationsRevoke } from "../../src/funcs/invitationsRevoke.js";
import { harness, useSpecCheck } from "./support/checked.js";
import { clerkErrorOf, unwrapOk } from "./support/results.js";

useSpecCheck("directory.test.ts");

describe("invitations", () => {
  it("creates, bulk creates, lists (status, query, order, paging) and revokes", async () => {
    const { core } = harness({ seed: { users: [{ emailAddresses: ["member@example.com"] }] } });
    const first = unwrapOk(
      await invitationsCreate(core, {
        requestBody: {
          emailAddress: "first@example.com",
          publicMetadata: { from: "test" },
          redirectUrl: "https://app.example/accept",
        },
      }),
    );
    expect(first).toMatchObject({
      status: "pending",
      revoked: false,
      publicMetadata: { from: "test" },
    });
    // The url is the link that accepts the invitation; redirect_url is where it lands after.
    expect(first.url).toMatch(/^https:\/\/[^/]+\/v1\/tickets\/accept\?ticket=tkt_\w+$/);
    expect(
      clerkErrorOf(await invitationsCreate(core, { requestBody: { emailAddress: "first@example.com" } })).data.errors[0]
        ?.code,
    ).toBe("duplicate_record");
    expect(
      clerkErrorOf(await invitationsCreate(core, { requestBody: { emailAddress: "member@example.com" } })).data
        .errors[0]?.code,
    ).toBe("form_identifier_exists");
    expect(
      clerkErrorOf(await invitationsCreate(core, { requestBody: { emailAddress: "not an address" } })).data.errors[0]
        ?.code,
    ).toBe("form_param_format_invalid");
    const bulk = unwrapOk(
      await invitationsBulkCreate(core, {
        requestBody: [{ emailAddress: "b1@example.com" }, { emailAddress: "b2@example.com" }],
      }),
    );
    expect(bulk.map((i) => i.emailAddress)).toEqual(["b1@example.com", "b2@example.com"]);
    const revoked = unwrapOk(await invitationsRevoke(core, { invitationId: first.id }));
    expect(revoked).toMatchObject({ status: "revoked", revoked: true });
    expect(clerkErrorOf(await invitationsRevoke(core, { invitationId: first.id })).statusCode).toBe(400);
    expect(
      unwrapOk(await invitationsList(core, { status: "pending", orderBy: "email_address" })).map((i) => i.emailAddress),
    ).toEqual(["b1@example.com", "b2@example.com"]);
    expect(unwrapOk(await invitationsList(core, { query: "first" })).map((i) => i.status)).toEqual(["revoked"]);
    expect(
      unwrapOk(await invitationsList(core, { orderBy: "created_at", limit: 1, offset: 2 })).map((i) => i.emailAddress),
    ).toEqual(["b2@example.com"]);
  });
});

describe("allowlist and blocklist identifiers", () => {
  it("creates, lists and deletes; a duplicate or a non-identifier is rejected", async () => {
    const { core } = harness();
    const email = unwrapOk(await allowlistIdentifiersCreate(core, { requestBody: { identifier: "ok@example.com" } }));
    expect(email).toMatchObject({ object: "allowlist_identifier", identifierType: "email_address" });
    expect(email.id).toMatch(/^alid_/);
    unwrapOk(await allowlistIdentifiersCreate(core, { requestBody: { identifier: "+15555550123" } }));
    expect(
      clerkErrorOf(await allowlistIdentifiersCreate(core, { requestBody: { identifier: "OK@example.com" } })).data
        .errors[0]?.code,
    ).toBe("duplicate_record");
    expect(
      clerkErrorOf(await allowlistIdentifiersCreate(core, { requestBody: { identifier: "hello" } })).data.errors[0]
        ?.code,
    ).toBe("form_param_format_invalid");
    expect(unwrapOk(await allowlistIdentifiersList(core)).map((i) => i.identifierType)).toEqual([
      "email_address",
      "phone_number",
    ]);
    expect(unwrapOk(await allowlistIdentifiersDelete(core, { identifierId: email.id! }))).toMatchObject({
      deleted: true,
      id: email.id,
    });
    expect(unwrapOk(await allowlistIdentifiersList(core))).toHaveLength(1);

    const blocked = unwrapOk(await blocklistIdentifiersCreate(core, { requestBody: { identifier: "*@spam.example" } }));
    expect(blocked).toMatchObject({ object: "blocklist_identifier", identifier: "*@spam.example" });
    expect(unwrapOk(await blocklistIdentifiersList(core)).data.map((i) => i.identifier)).toEqual(["*@spam.example"]);
    unwrapOk(await blocklistIdentifiersDelete(core, { identifierId: blocked.id! }));
    expect(clerkErrorOf(await blocklistIdentifiersDelete(core, { identifierId: blocked.id! })).statusCode).toBe(404);
  });
});
