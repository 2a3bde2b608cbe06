import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ClerkCore } from "../../src/core.js";
import { actorTokensCreate } from "../../src/funcs/actorTokensCreate.js";
import { emailAddressesGet } from "../../src/funcs/emailAddressesGet.js";
import { instanceSettingsUpdate } from "../../src/funcs/instanceSettingsUpdate.js";
import { invitationsBulkCreate } from "../../src/funcs/invitationsBulkCreate.js";
import { miscellaneousGetPublicInterstitial } from "../../src/funcs/miscellaneousGetPublicInterstitial.js";
import { organizationDomainsListAll } from "../../src/funcs/organizationDomainsListAll.js";
import { usersCreate } from "../../src/funcs/usersCreate.js";
import { usersGet } from "../../src/funcs/usersGet.js";
import { usersList } from "../../src/funcs/usersList.js";
import { usersSetProfileImage } from "../../src/funcs/usersSetProfileImage.js";
import { wireUser } from "../support/builders.js";
import { sendJson, type TestServer } from "../support/http-server.js";
import { startServerAndCore } from "../support/server-and-core.js";

let server: TestServer;
let clerk: ClerkCore;
beforeAll(async () => {
  ({ server, clerk } = await startServerAndCore("sk_test_funcs"));
});
afterAll(() => server.close());
beforeEach(() => void server.seen.splice(0));

const last = () => {
  expect(server.seen).toHaveLength(1);
  return server.seen[0]!;
};

describe("generated functions on the wire", () => {
  it("GET with a path parameter decodes a camelCase model, metadata untouched", async () => {
    server.reply((_r, res) => sendJson(res, 200, wireUser()));
    const res = await usersGet(clerk, { userId: "user_1" });
    const req = last();
    expect(req.method).toBe("GET");
    expect(req.target).toBe("/v1/users/user_1");
    expect(req.headers.authorization).toBe("Bearer sk_test_funcs");
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.firstName).toBe("Ada");
    expect(res.value.createdAt).toBe(1700000000000);
    expect(res.value.emailAddresses[0]!.emailAddress).toBe("ada@example.com");
    expect(res.value.emailAddresses[0]!.verification).toMatchObject({ object: "verification_otp", expireAt: 1 });
    expect(res.value.publicMetadata).toEqual({ plan_tier: "pro", nested_value: { keep_me: true } });
    expect(res.value).not.toHaveProperty("a_field_added_later");
  });

  it("list: exploded array query parameters and integers", async () => {
    server.reply((_r, res) => sendJson(res, 200, [wireUser()]));
    const res = await usersList(clerk, {
      emailAddress: ["a@example.com", "b@example.com"],
      limit: 20,
      orderBy: "-created_at",
    });
    const url = new URL(last().target, server.url);
    expect(url.pathname).toBe("/v1/users");
    expect(url.searchParams.getAll("email_address")).toEqual(["a@example.com", "b@example.com"]);
    expect(url.searchParams.get("limit")).toBe("20");
    expect(url.searchParams.get("order_by")).toBe("-created_at");
    expect(res.ok && res.value.length).toBe(1);
  });

  it("list: a non-exploded array query parameter is sent comma-separated", async () => {
    server.reply((_r, res) => sendJson(res, 200, { data: [], total_count: 0 }));
    const res = await organizationDomainsListAll(clerk, {
      enrollmentMode: ["manual_invitation", "automatic_invitation"],
    });
    const url = new URL(last().target, server.url);
    expect(url.searchParams.getAll("enrollment_mode")).toEqual(["manual_invitation,automatic_invitation"]);
    expect(res.ok && res.value).toEqual({ data: [], totalCount: 0 });
  });

  it("create: nested JSON body renamed to wire names, metadata passed through", async () => {
    server.reply((_r, res) => sendJson(res, 200, wireUser()));
    const res = await usersCreate(clerk, {
      requestBody: {
        firstName: "Ada",
        emailAddress: ["ada@example.com"],
        skipPasswordChecks: true,
        publicMetadata: { planTier: "pro", nested_key: { innerKey: 1 } },
      },
    });
    const req = last();
    expect(req.method).toBe("POST");
    expect(req.target).toBe("/v1/users");
    expect(req.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(req.body.toString("utf8"))).toEqual({
      first_name: "Ada",
      email_address: ["ada@example.com"],
      skip_password_checks: true,
      public_metadata: { planTier: "pro", nested_key: { innerKey: 1 } },
    });
    expect(res.ok).toBe(true);
  });

  it("create: an array body of objects", async () => {
    server.reply((_r, res) => sendJson(res, 200, []));
    await invitationsBulkCreate(clerk, {
      requestBody: [{ emailAddress: "a@example.com", expiresInDays: 7, publicMetadata: { a_b: 1 } }],
    });
    expect(JSON.parse(last().body.toString("utf8"))).toEqual([
      { email_address: "a@example.com", expires_in_days: 7, public_metadata: { a_b: 1 } },
    ]);
  });

  it("an object that allows extra keys sends them as given", async () => {
    server.reply((_r, res) => sendJson(res, 500, {}));
    await actorTokensCreate(clerk, {
      requestBody: { userId: "user_1", actor: { sub: "user_2", customClaim: { a_b: 1 } }, expiresInSeconds: 60 },
    });
    expect(JSON.parse(last().body.toString("utf8"))).toEqual({
      user_id: "user_1",
      actor: { sub: "user_2", customClaim: { a_b: 1 } },
      expires_in_seconds: 60,
    });
  });

  it("invalid input (constraint from the spec) fails before anything is sent", async () => {
    server.reply((_r, res) => sendJson(res, 200, []));
    const res = await invitationsBulkCreate(clerk, {
      requestBody: [{ emailAddress: "a@example.com", expiresInDays: 366 }],
    });
    expect(server.seen).toHaveLength(0);
    expect(!res.ok && res.error.name).toBe("InvalidRequestError");
  });

  it("multipart profile-image upload", async () => {
    server.reply((_r, res) => sendJson(res, 200, wireUser({ has_image: true })));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const res = await usersSetProfileImage(clerk, {
      userId: "user_1",
      requestBody: { file: new File([png], "me.png", { type: "image/png" }) },
    });
    const req = last();
    expect(req.method).toBe("POST");
    expect(req.target).toBe("/v1/users/user_1/profile_image");
    const type = req.headers["content-type"] ?? "";
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(req.body), { headers: { "content-type": type } }).formData();
    const file = form.get("file") as File;
    expect(file.name).toBe("me.png");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png);
    expect(res.ok && res.value.hasImage).toBe(true);
  });

  it("204: an operation without a response body resolves to undefined", async () => {
    server.reply((_r, res) => res.writeHead(204).end());
    const res = await instanceSettingsUpdate(clerk, { requestBody: { testMode: true } });
    const req = last();
    expect(req.method).toBe("PATCH");
    expect(req.target).toBe("/v1/instance");
    expect(JSON.parse(req.body.toString("utf8"))).toEqual({ test_mode: true });
    expect(res).toEqual({ ok: true, value: undefined });
  });

  it("GetPublicInterstitial returns the HTML as text; colliding query names both reach the wire", async () => {
    const html = "<!DOCTYPE html><html><body>interstitial</body></html>";
    server.reply((_r, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
    const res = await miscellaneousGetPublicInterstitial(clerk, {
      frontendApi: "new.example",
      frontendApiDeprecated: "old.example",
    });
    const url = new URL(last().target, server.url);
    expect(url.pathname).toBe("/v1/public/interstitial");
    expect(url.searchParams.get("frontend_api")).toBe("new.example");
    expect(url.searchParams.get("frontendApi")).toBe("old.example");
    expect(res).toEqual({ ok: true, value: html });
    // A public endpoint (security: []) never receives the secret key.
    expect(last().headers.authorization).toBeUndefined();
  });

  it("404 with a Clerk errors body is ClerkErrors", async () => {
    server.reply((_r, res) =>
      sendJson(res, 404, {
        errors: [{ message: "not found", long_message: "Email address not found", code: "resource_not_found" }],
        clerk_trace_id: "t1",
      }),
    );
    const res = await emailAddressesGet(clerk, { emailAddressId: "idn_missing" });
    expect(last().target).toBe("/v1/email_addresses/idn_missing");
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.name).toBe("ClerkErrors");
    if (res.error.name !== "ClerkErrors") return;
    expect(res.error.statusCode).toBe(404);
    expect(res.error.data.errors[0]!.code).toBe("resource_not_found");
    expect(res.error.data.clerkTraceId).toBe("t1");
  });

  it("a 2xx body missing a required field: the value without it (lenient default), ResponseValidationError in strict mode", async () => {
    const { created_at: _dropped, ...broken } = wireUser();
    server.reply((_r, res) => sendJson(res, 200, broken));
    const res = await usersGet(clerk, { userId: "user_1" });
    expect(res.ok && res.value.updatedAt).toBe(broken.updated_at);
    expect(res.ok && "createdAt" in res.value).toBe(false);
    const strict = await usersGet(clerk, { userId: "user_1" }, { responseValidation: "strict" });
    expect(!strict.ok && strict.error.name).toBe("ResponseValidationError");
  });

  it("unknown enum values and unknown discriminator tags are accepted in responses", async () => {
    const user = wireUser();
    const email = (user.email_addresses as Record<string, unknown>[])[0]!;
    email.verification = {
      object: "verification_from_the_future",
      status: "brand_new_status",
      strategy: "x",
      attempts: null,
      expire_at: null,
    };
    server.reply((_r, res) => sendJson(res, 200, { ...user, object: "user_v2" }));
    const res = await usersGet(clerk, { userId: "user_1" });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.object).toBe("user_v2");
    expect(res.value.emailAddresses[0]!.verification).toMatchObject({ status: "brand_new_status" });
  });
});
