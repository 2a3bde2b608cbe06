// Users and their email addresses / phone numbers, through the public clerk-fn functions
// against the fake in-process. Every body the fake sends is validated against the spec.
import { describe, expect, it } from "vitest";
import { emailAddressesCreate } from "../../src/funcs/emailAddressesCreate.js";
import { emailAddressesDelete } from "../../src/funcs/emailAddressesDelete.js";
import { emailAddressesGet } from "../../src/funcs/emailAddressesGet.js";
import { emailAddressesUpdate } from "../../src/funcs/emailAddressesUpdate.js";
import { phoneNumbersCreate } from "../../src/funcs/phoneNumbersCreate.js";
import { phoneNumbersDelete } from "../../src/funcs/phoneNumbersDelete.js";
import { phoneNumbersUpdate } from "../../src/funcs/phoneNumbersUpdate.js";
import { usersBan } from "../../src/funcs/usersBan.js";
import { usersCount } from "../../src/funcs/usersCount.js";
import { usersCreate } from "../../src/funcs/usersCreate.js";
import { usersDelete } from "../../src/funcs/usersDelete.js";
import { usersGet } from "../../src/funcs/usersGet.js";
import { usersList } from "../../src/funcs/usersList.js";
import { usersLock } from "../../src/funcs/usersLock.js";
import { usersUnban } from "../../src/funcs/usersUnban.js";
import { usersUnlock } from "../../src/funcs/usersUnlock.js";
import { usersUpdate } from "../../src/funcs/usersUpdate.js";
import { usersUpdateMetadata } from "../../src/funcs/usersUpdateMetadata.js";
import { harness, useSpecCheck } from "./support/checked.js";
import { clerkErrorOf, unwrapOk } from "./support/results.js";

useSpecCheck("users.test.ts");

describe("users", () => {
  it("creates a user with addresses, numbers, username and metadata, and reads it back", async () => {
    const { core, fake } = harness();
    const created = unwrapOk(
      await usersCreate(core, {
        requestBody: {
          emailAddress: ["ada@example.com", "ada@work.example"],
          phoneNumber: ["+15555550100"],
          username: "ada_l",
          password: "correct horse battery",
          externalId: "ext-1",
          firstName: "Ada",
          lastName: "Lovelace",
          publicMetadata: { plan: "pro" },
          privateMetadata: { stripe: "cus_1" },
        },
      }),
    );
    expect(created.id).toMatch(/^user_[0-9A-Za-z]{27}$/);
    expect(created.emailAddresses.map((e) => e.emailAddress)).toEqual(["ada@example.com", "ada@work.example"]);
    expect(created.emailAddresses[0]?.id).toMatch(/^idn_[0-9A-Za-z]{27}$/);
    expect(created.primaryEmailAddressId).toBe(created.emailAddresses[0]?.id);
    expect(created.primaryPhoneNumberId).toBe(created.phoneNumbers[0]?.id);
    expect(created.passwordEnabled).toBe(true);
    expect(created.publicMetadata).toEqual({ plan: "pro" });
    const read = unwrapOk(await usersGet(core, { userId: created.id }));
    expect(read).toEqual(created);
    expect(fake.requests.map((r) => `${r.operationId} ${r.status}`)).toEqual(["CreateUser 200", "GetUser 200"]);
    expect(fake.requests[0]?.body).toMatchObject({
      email_address: ["ada@example.com", "ada@work.example"],
      username: "ada_l",
    });
  });

  it("uses the clock given as `now` for created_at and updated_at", async () => {
    let now = Date.UTC(2026, 0, 1);
    const { core } = harness({ now: () => new Date(now) });
    const user = unwrapOk(await usersCreate(core, { requestBody: { firstName: "Time" } }));
    expect(user.createdAt).toBe(Date.UTC(2026, 0, 1));
    now += 60_000;
    const updated = unwrapOk(await usersUpdate(core, { userId: user.id, requestBody: { lastName: "Keeper" } }));
    expect(updated.createdAt).toBe(Date.UTC(2026, 0, 1));
    expect(updated.updatedAt).toBe(Date.UTC(2026, 0, 1) + 60_000);
  });

  it("rejects duplicates and bad input like Clerk (422), and stores nothing", async () => {
    const { core, fake } = harness({
      seed: { users: [{ emailAddresses: ["taken@example.com"], username: "taken", phoneNumbers: ["+15555550101"] }] },
    });
    const email = clerkErrorOf(
      await usersCreate(core, { requestBody: { emailAddress: ["new@example.com", "TAKEN@example.com"] } }),
    );
    expect(email.statusCode).toBe(422);
    expect(email.data.errors[0]).toMatchObject({
      code: "form_identifier_exists",
      meta: { param_name: "email_address" },
    });
    expect(email.data.clerkTraceId).toBeTruthy();
    const username = clerkErrorOf(await usersCreate(core, { requestBody: { username: "TAKEN" } }));
    expect(username.data.errors[0]?.code).toBe("form_identifier_exists");
    const phone = clerkErrorOf(await usersCreate(core, { requestBody: { phoneNumber: ["+15555550101"] } }));
    expect(phone.data.errors[0]?.code).toBe("form_identifier_exists");
    const badEmail = clerkErrorOf(await usersCreate(core, { requestBody: { emailAddress: ["not-an-email"] } }));
    expect(badEmail.data.errors[0]).toMatchObject({
      code: "form_param_format_invalid",
      meta: { param_name: "email_address" },
    });
    const shortPassword = clerkErrorOf(await usersCreate(core, { requestBody: { password: "short" } }));
    expect(shortPassword.data.errors[0]?.code).toBe("form_password_length_too_short");
    // The SDK validates input itself, so a raw request shows the fake's own checks.
    const raw = await fake.fetch(`${fake.serverUrl}/users`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.secretKey}`, "content-type": "application/json" },
      body: JSON.stringify({ first_name: 42 }),
    });
    expect(raw.status).toBe(422);
    expect(((await raw.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe("form_param_format_invalid");
    const missing = await fake.fetch(`${fake.serverUrl}/email_addresses`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.secretKey}` },
      body: JSON.stringify({ email_address: "x@example.com" }),
    });
    expect(((await missing.json()) as { errors: { code: string; meta: unknown }[] }).errors[0]).toMatchObject({
      code: "form_param_missing",
      meta: { param_name: "user_id" },
    });
    expect(unwrapOk(await usersCount(core)).totalCount).toBe(1);
  });

  it("lists with filters, order_by (- and +), limit and offset, and counts with the same filters", async () => {
    const now = Date.UTC(2026, 1, 1);
    const { core } = harness({
      now: () => new Date(now), // every user created in the same millisecond: order must stay stable
      seed: {
        users: [
          {
            firstName: "Carol",
            lastName: "Zed",
            emailAddresses: ["carol@example.com"],
            username: "carol",
            externalId: "c",
          },
          {
            firstName: "Alice",
            lastName: "Young",
            emailAddresses: ["alice@example.com"],
            username: "alice",
            externalId: "a",
          },
          {
            firstName: "Bob",
            lastName: "Xavier",
            emailAddresses: ["bob@other.example"],
            username: "bobby",
            phoneNumbers: ["+15555550102"],
          },
          { firstName: "Dan", emailAddresses: ["dan@example.com"], username: "dan_d", banned: true },
        ],
      },
    });
    const names = (users: { firstName: string | null }[]) => users.map((u) => u.firstName);
    expect(names(unwrapOk(await usersList(core)))).toEqual(["Dan", "Bob", "Alice", "Carol"]);
    expect(names(unwrapOk(await usersList(core, { orderBy: "created_at" })))).toEqual(["Carol", "Alice", "Bob", "Dan"]);
    expect(names(unwrapOk(await usersList(core, { orderBy: "+first_name" })))).toEqual([
      "Alice",
      "Bob",
      "Carol",
      "Dan",
    ]);
    expect(names(unwrapOk(await usersList(core, { orderBy: "-username" })))).toEqual(
      ["dan_d", "carol", "bobby", "alice"].map(
        (u) => ({ dan_d: "Dan", carol: "Carol", bobby: "Bob", alice: "Alice" })[u] ?? null,
      ),
    );
    expect(names(unwrapOk(await usersList(core, { orderBy: "email_address" })))).toEqual([
      "Alice",
      "Bob",
      "Carol",
      "Dan",
    ]);
    expect(names(unwrapOk(await usersList(core, { orderBy: "+first_name", limit: 2, offset: 1 })))).toEqual([
      "Bob",
      "Carol",
    ]);
    expect(
      names(
        unwrapOk(
          await usersList(core, { emailAddress: ["ALICE@example.com", "bob@other.example"], orderBy: "first_name" }),
        ),
      ),
    ).toEqual(["Alice", "Bob"]);
    expect(names(unwrapOk(await usersList(core, { username: ["carol"] })))).toEqual(["Carol"]);
    expect(names(unwrapOk(await usersList(core, { externalId: ["a", "c"], orderBy: "first_name" })))).toEqual([
      "Alice",
      "Carol",
    ]);
    expect(names(unwrapOk(await usersList(core, { phoneNumber: ["+15555550102"] })))).toEqual(["Bob"]);
    expect(names(unwrapOk(await usersList(core, { query: "example.com", orderBy: "first_name" })))).toEqual([
      "Alice",
      "Carol",
      "Dan",
    ]);
    expect(names(unwrapOk(await usersList(core, { banned: true })))).toEqual(["Dan"]);
    const alice = unwrapOk(await usersList(core, { username: ["alice"] }))[0]!;
    expect(names(unwrapOk(await usersList(core, { userId: [alice.id] })))).toEqual(["Alice"]);
    expect(unwrapOk(await usersCount(core, { query: "example.com" })).totalCount).toBe(3);
    expect(unwrapOk(await usersCount(core)).totalCount).toBe(4);
    const badOrder = clerkErrorOf(await usersList(core, { orderBy: "shoe_size" }));
    expect(badOrder.data.errors[0]).toMatchObject({
      code: "form_param_format_invalid",
      meta: { param_name: "order_by" },
    });
  });

  it("merges metadata the Clerk way: nested objects merge, null deletes a key", async () => {
    const { core } = harness();
    const user = unwrapOk(
      await usersCreate(core, {
        requestBody: { publicMetadata: { plan: "pro", prefs: { theme: "dark", lang: "en" }, old: true } },
      }),
    );
    const merged = unwrapOk(
      await usersUpdateMetadata(core, {
        userId: user.id,
        requestBody: {
          publicMetadata: { prefs: { lang: "fr" }, old: null, added: [1, 2] },
          privateMetadata: { secret: 1 },
        },
      }),
    );
    expect(merged.publicMetadata).toEqual({ plan: "pro", prefs: { theme: "dark", lang: "fr" }, added: [1, 2] });
    expect(merged.privateMetadata).toEqual({ secret: 1 });
    expect(merged.unsafeMetadata).toEqual({});
  });

  it("updates profile fields and primary ids, bans, locks and deletes", async () => {
    const { core } = harness();
    const user = unwrapOk(
      await usersCreate(core, {
        requestBody: { emailAddress: ["one@example.com", "two@example.com"], username: "first_name" },
      }),
    );
    const second = user.emailAddresses[1]!.id!;
    const updated = unwrapOk(
      await usersUpdate(core, {
        userId: user.id,
        requestBody: { primaryEmailAddressId: second, username: "renamed", firstName: "New" },
      }),
    );
    expect(updated.primaryEmailAddressId).toBe(second);
    expect(updated.username).toBe("renamed");
    const foreign = clerkErrorOf(
      await usersUpdate(core, { userId: user.id, requestBody: { primaryEmailAddressId: "idn_notmine" } }),
    );
    expect(foreign.data.errors[0]?.code).toBe("form_param_format_invalid");
    expect(unwrapOk(await usersBan(core, { userId: user.id })).banned).toBe(true);
    expect(unwrapOk(await usersUnban(core, { userId: user.id })).banned).toBe(false);
    expect(unwrapOk(await usersLock(core, { userId: user.id })).locked).toBe(true);
    expect(unwrapOk(await usersUnlock(core, { userId: user.id })).locked).toBe(false);
    const deleted = unwrapOk(await usersDelete(core, { userId: user.id }));
    expect(deleted).toMatchObject({ object: "user", id: user.id, deleted: true });
    const gone = clerkErrorOf(await usersGet(core, { userId: user.id }));
    expect(gone.statusCode).toBe(404);
    expect(gone.data.errors[0]?.code).toBe("resource_not_found");
    expect(clerkErrorOf(await emailAddressesGet(core, { emailAddressId: second })).statusCode).toBe(404);
  });
});

describe("email addresses and phone numbers", () => {
  it("creates, updates, deletes and keeps the user's primary ids consistent", async () => {
    const { core } = harness();
    const user = unwrapOk(await usersCreate(core, { requestBody: { firstName: "Grace" } }));
    expect(user.primaryEmailAddressId).toBeNull();
    const first = unwrapOk(
      await emailAddressesCreate(core, { requestBody: { userId: user.id, emailAddress: "grace@example.com" } }),
    );
    expect(first.verification).toMatchObject({ status: "verified", strategy: "admin" });
    expect(unwrapOk(await usersGet(core, { userId: user.id })).primaryEmailAddressId).toBe(first.id);
    const second = unwrapOk(
      await emailAddressesCreate(core, {
        requestBody: { userId: user.id, emailAddress: "hopper@example.com", verified: false, primary: true },
      }),
    );
    expect(second.verification).toBeNull();
    expect(unwrapOk(await usersGet(core, { userId: user.id })).primaryEmailAddressId).toBe(second.id);
    const verified = unwrapOk(
      await emailAddressesUpdate(core, { emailAddressId: second.id!, requestBody: { verified: true } }),
    );
    expect(verified.verification).toMatchObject({ status: "verified" });
    unwrapOk(await emailAddressesUpdate(core, { emailAddressId: first.id!, requestBody: { primary: true } }));
    expect(unwrapOk(await usersGet(core, { userId: user.id })).primaryEmailAddressId).toBe(first.id);
    // Deleting the primary address hands the role to the oldest remaining one.
    expect(unwrapOk(await emailAddressesDelete(core, { emailAddressId: first.id! }))).toMatchObject({
      object: "email_address",
      deleted: true,
    });
    const after = unwrapOk(await usersGet(core, { userId: user.id }));
    expect(after.primaryEmailAddressId).toBe(second.id);
    expect(after.emailAddresses.map((e) => e.emailAddress)).toEqual(["hopper@example.com"]);
    const dup = clerkErrorOf(
      await emailAddressesCreate(core, { requestBody: { userId: user.id, emailAddress: "HOPPER@example.com" } }),
    );
    expect(dup.data.errors[0]?.code).toBe("form_identifier_exists");
    const noUser = clerkErrorOf(
      await emailAddressesCreate(core, { requestBody: { userId: "user_missing", emailAddress: "x@example.com" } }),
    );
    expect(noUser.statusCode).toBe(404);

    const phone = unwrapOk(
      await phoneNumbersCreate(core, { requestBody: { userId: user.id, phoneNumber: "+15555550199" } }),
    );
    expect(unwrapOk(await usersGet(core, { userId: user.id })).primaryPhoneNumberId).toBe(phone.id);
    expect(
      unwrapOk(
        await phoneNumbersUpdate(core, { phoneNumberId: phone.id!, requestBody: { reservedForSecondFactor: true } }),
      ).reservedForSecondFactor,
    ).toBe(true);
    const badPhone = clerkErrorOf(
      await phoneNumbersCreate(core, { requestBody: { userId: user.id, phoneNumber: "555" } }),
    );
    expect(badPhone.data.errors[0]?.code).toBe("form_param_format_invalid");
    unwrapOk(await phoneNumbersDelete(core, { phoneNumberId: phone.id! }));
    expect(unwrapOk(await usersGet(core, { userId: user.id })).primaryPhoneNumberId).toBeNull();
  });
});
