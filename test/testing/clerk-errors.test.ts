// Issue 24 B: errors with the status and code Clerk sends (the bodies of
// ../shared/clerk-fixtures/responses/errors-*.json and what Clerk's SDKs test against).
import { describe, expect, it } from "vitest";
import { createClerkFake, type ClerkFake } from "../../src/testing/index.js";
import { useSpecCheck } from "./support/checked.js";
import { raw } from "./support/raw.js";

useSpecCheck("clerk-errors.test.ts");

const ADA = `user_2ada${"0".repeat(23)}`;
const ALAN = `user_2alan${"0".repeat(22)}`;
const ORG = `org_2engines${"0".repeat(20)}`;

const seeded = () =>
  createClerkFake({
    seed: {
      users: [
        { id: ADA, firstName: "Ada", emailAddresses: ["ada@example.com"], externalId: "ext-ada" },
        { id: ALAN, firstName: "Alan" },
      ],
      organizations: [{ id: ORG, name: "Engines", createdBy: ADA }],
    },
  });

const firstError = (answer: { body: { errors: Array<Record<string, unknown>> } }) => answer.body.errors[0];

describe("the secret key", () => {
  const users = (fake: ClerkFake, authorization: string) =>
    fake.fetch(`${fake.serverUrl}/users`, { headers: { authorization } });

  it("a wrong key is 401 clerk_key_invalid with Clerk's message", async () => {
    const fake = createClerkFake();
    const answer = await users(fake, "Bearer sk_test_not_the_right_one");
    expect(answer.status).toBe(401);
    expect((await answer.json()) as unknown).toMatchObject({
      errors: [
        {
          code: "clerk_key_invalid",
          message: "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.",
        },
      ],
    });
  });

  it("the key without the Bearer scheme is refused; the scheme's case does not matter", async () => {
    const fake = createClerkFake();
    expect((await users(fake, fake.secretKey)).status).toBe(401);
    expect((await users(fake, `Basic ${fake.secretKey}`)).status).toBe(401);
    expect((await users(fake, `Bearer${fake.secretKey}`)).status).toBe(401);
    expect((await users(fake, `bearer ${fake.secretKey}`)).status).toBe(200);
    expect((await users(fake, `BEARER ${fake.secretKey}`)).status).toBe(200);
    expect((await fake.fetch(`${fake.serverUrl}/users`)).status).toBe(401);
  });

  it("an M2M operation called with an unknown machine key is 401 machine_secret_key_invalid", async () => {
    const fake = createClerkFake();
    const answer = await raw(fake, "POST", "/m2m_tokens", {
      body: {},
      headers: { authorization: "Bearer ak_no_such_machine_key" },
    });
    expect(answer.status).toBe(401);
    expect(firstError(answer)?.["code"]).toBe("machine_secret_key_invalid");
  });
});

describe("users", () => {
  it("a password under 8 characters is 422 form_password_length_too_short", async () => {
    const fake = seeded();
    const answer = await raw(fake, "POST", "/users", { body: { password: "short" } });
    expect(answer.status).toBe(422);
    expect(firstError(answer)).toMatchObject({
      code: "form_password_length_too_short",
      meta: { param_name: "password" },
    });
    const update = await raw(fake, "PATCH", `/users/${ALAN}`, { body: { password: "1234567" } });
    expect(firstError(update)?.["code"]).toBe("form_password_length_too_short");
    // skip_password_checks lifts the rule, as on Clerk.
    expect(
      (await raw(fake, "PATCH", `/users/${ALAN}`, { body: { password: "123", skip_password_checks: true } })).status,
    ).toBe(200);
  });

  it("a username outside 4-64 characters is 422 form_username_invalid_length; a bad character its own code", async () => {
    const fake = seeded();
    for (const username of ["abc", "a".repeat(65)]) {
      const answer = await raw(fake, "POST", "/users", { body: { username } });
      expect(answer.status).toBe(422);
      expect(firstError(answer)).toMatchObject({
        code: "form_username_invalid_length",
        meta: { param_name: "username" },
      });
    }
    expect(firstError(await raw(fake, "PATCH", `/users/${ALAN}`, { body: { username: "al" } }))?.["code"]).toBe(
      "form_username_invalid_length",
    );
    expect(firstError(await raw(fake, "POST", "/users", { body: { username: "ada@home" } }))?.["code"]).toBe(
      "form_username_invalid_character",
    );
    expect((await raw(fake, "POST", "/users", { body: { username: "a".repeat(64) } })).status).toBe(200);
  });

  it("a duplicate external_id is refused on create and on update", async () => {
    const fake = seeded();
    const create = await raw(fake, "POST", "/users", { body: { external_id: "ext-ada" } });
    expect(create.status).toBe(422);
    expect(firstError(create)).toMatchObject({ code: "form_identifier_exists", meta: { param_name: "external_id" } });
    const update = await raw(fake, "PATCH", `/users/${ALAN}`, { body: { external_id: "ext-ada" } });
    expect(update.status).toBe(422);
    // Setting a user's own external_id again is no conflict.
    expect((await raw(fake, "PATCH", `/users/${ADA}`, { body: { external_id: "ext-ada" } })).status).toBe(200);
    expect((await raw(fake, "GET", "/users/count")).body.total_count).toBe(2);
  });
});

describe("a body field the spec does not allow", () => {
  it("is 422 form_param_unknown naming the field, and nothing changes", async () => {
    const fake = seeded();
    // UpdateUser of 2026-05-12 has no public_metadata (UpdateUserMetadata sets it).
    const answer = await raw(fake, "PATCH", `/users/${ALAN}`, {
      body: { first_name: "Changed", public_metadata: { plan: "pro" } },
    });
    expect(answer.status).toBe(422);
    expect(firstError(answer)).toEqual({
      code: "form_param_unknown",
      message: "is unknown",
      long_message: "public_metadata is not a valid parameter for this request.",
      meta: { param_name: "public_metadata" },
    });
    const alan = (await raw(fake, "GET", `/users/${ALAN}`)).body;
    expect(alan).toMatchObject({ first_name: "Alan", public_metadata: {} });
    expect(firstError(await raw(fake, "POST", "/users", { body: { nickname: "x" } }))?.["code"]).toBe(
      "form_param_unknown",
    );
    expect(
      firstError(
        await raw(fake, "POST", `/organizations/${ORG}/invitations/bulk`, {
          body: [{ email_address: "a@example.com", role: "org:member", colour: "red" }],
        }),
      )?.["meta"],
    ).toEqual({ param_name: "colour" });
    expect((await raw(fake, "GET", `/organizations/${ORG}/invitations`)).body.total_count).toBe(0);
  });
});

describe("organizations", () => {
  it("created_by naming no user is 400 organization_creator_not_found", async () => {
    const fake = seeded();
    const answer = await raw(fake, "POST", "/organizations", { body: { name: "X", created_by: "user_nobody" } });
    expect(answer.status).toBe(400);
    expect(firstError(answer)?.["code"]).toBe("organization_creator_not_found");
    expect((await raw(fake, "GET", "/organizations")).body.total_count).toBe(1);
  });

  it("a role the instance does not have is 404 resource_not_found, wherever a role is given", async () => {
    const fake = seeded();
    for (const role of ["org:ghost", "admin"]) {
      const add = await raw(fake, "POST", `/organizations/${ORG}/memberships`, { body: { user_id: ALAN, role } });
      expect(add.status).toBe(404);
      expect(firstError(add)?.["code"]).toBe("resource_not_found");
      const change = await raw(fake, "PATCH", `/organizations/${ORG}/memberships/${ADA}`, { body: { role } });
      expect(change.status).toBe(404);
      const invite = await raw(fake, "POST", `/organizations/${ORG}/invitations`, {
        body: { email_address: "new@example.com", role },
      });
      expect(invite.status).toBe(404);
    }
    // A role added to the catalog is accepted.
    expect((await raw(fake, "POST", "/organization_roles", { body: { name: "Ghost", key: "org:ghost" } })).status).toBe(
      200,
    );
    expect(
      (await raw(fake, "POST", `/organizations/${ORG}/memberships`, { body: { user_id: ALAN, role: "org:ghost" } }))
        .status,
    ).toBe(200);
  });

  it("adding an existing member is 400 already_a_member_in_organization", async () => {
    const fake = seeded();
    const answer = await raw(fake, "POST", `/organizations/${ORG}/memberships`, {
      body: { user_id: ADA, role: "org:member" },
    });
    expect(answer.status).toBe(400);
    expect(firstError(answer)?.["code"]).toBe("already_a_member_in_organization");
  });

  it("a second pending invitation for an address is 400 organization_invitation_not_unique; revoking a revoked one is 404", async () => {
    const fake = seeded();
    const invite = (email: string) =>
      raw(fake, "POST", `/organizations/${ORG}/invitations`, { body: { email_address: email, role: "org:member" } });
    const first = await invite("new@example.com");
    expect(first.status).toBe(200);
    const second = await invite("NEW@example.com");
    expect(second.status).toBe(400);
    expect(firstError(second)?.["code"]).toBe("organization_invitation_not_unique");
    const bulk = await raw(fake, "POST", `/organizations/${ORG}/invitations/bulk`, {
      body: [
        { email_address: "x@example.com", role: "org:member" },
        { email_address: "X@example.com", role: "org:member" },
      ],
    });
    expect(bulk.status).toBe(400);
    expect(firstError(bulk)?.["code"]).toBe("organization_invitation_not_unique");
    const revoke = () => raw(fake, "POST", `/organizations/${ORG}/invitations/${first.body.id}/revoke`, { body: {} });
    expect((await revoke()).status).toBe(200);
    const again = await revoke();
    expect(again.status).toBe(404);
    expect(firstError(again)?.["code"]).toBe("resource_not_found");
    // Once revoked, the address may be invited again.
    expect((await invite("new@example.com")).status).toBe(200);
  });
});
