// Issue 24 C (state as Clerk keeps it), D (the fake under bad input) and the role catalog
// behind B's role checks and the session token's o.per / fea.
import { createServer } from "node:http";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { createClerkFake } from "../../src/testing/index.js";
import { useSpecCheck } from "./support/checked.js";
import { raw } from "./support/raw.js";

useSpecCheck("state-and-input.test.ts");

const ADA = `user_2ada${"0".repeat(23)}`;
const ALAN = `user_2alan${"0".repeat(22)}`;
const ORG = `org_2engines${"0".repeat(20)}`;
const seed = {
  users: [
    { id: ADA, emailAddresses: ["ada@example.com"] },
    { id: ALAN, emailAddresses: ["alan@example.com"] },
  ],
  organizations: [{ id: ORG, name: "Engines", createdBy: ADA, maxAllowedMemberships: 2 }],
};

describe("C: state as Clerk keeps it", () => {
  it("the membership quota counts pending invitations", async () => {
    const fake = createClerkFake({ seed });
    const invite = await raw(fake, "POST", `/organizations/${ORG}/invitations`, {
      body: { email_address: "new@example.com", role: "org:member" },
    });
    expect(invite.status).toBe(200);
    const add = await raw(fake, "POST", `/organizations/${ORG}/memberships`, {
      body: { user_id: ALAN, role: "org:member" },
    });
    expect(add.status).toBe(403);
    expect(add.body.errors[0].code).toBe("organization_membership_quota_exceeded");
    const second = await raw(fake, "POST", `/organizations/${ORG}/invitations`, {
      body: { email_address: "other@example.com", role: "org:member" },
    });
    expect(second.status).toBe(403);
  });

  it("a new membership is the active organization of the next session, whose token carries o", async () => {
    const fake = createClerkFake({ seed });
    const session = (await raw(fake, "POST", "/sessions", { body: { user_id: ALAN } })).body;
    expect(session.last_active_organization_id).toBeNull();
    await raw(fake, "POST", `/organizations/${ORG}/memberships`, { body: { user_id: ALAN, role: "org:member" } });
    const next = (await raw(fake, "POST", "/sessions", { body: { user_id: ALAN } })).body;
    expect(next.last_active_organization_id).toBe(ORG);
    const token = (await raw(fake, "POST", `/sessions/${next.id}/tokens`, { body: {} })).body.jwt as string;
    expect(decodeJwt(token)["o"]).toMatchObject({ id: ORG, rol: "member" });
  });

  it("deleting an organization clears it from sessions that have it active", async () => {
    const fake = createClerkFake({ seed });
    const session = (await raw(fake, "POST", "/sessions", { body: { user_id: ADA, active_organization_id: ORG } }))
      .body;
    expect(session.last_active_organization_id).toBe(ORG);
    expect((await raw(fake, "DELETE", `/organizations/${ORG}`)).status).toBe(200);
    expect((await raw(fake, "GET", `/sessions/${session.id}`)).body.last_active_organization_id).toBeNull();
    const token = (await raw(fake, "POST", `/sessions/${session.id}/tokens`, { body: {} })).body.jwt as string;
    expect(decodeJwt(token)["o"]).toBeUndefined();
  });

  it("Invitation.url is the accept link, not the redirect_url; User and Session carry Clerk's fields", async () => {
    const fake = createClerkFake({ seed });
    const invitation = (
      await raw(fake, "POST", "/invitations", {
        body: { email_address: "x@example.com", redirect_url: "https://app.example/after" },
      })
    ).body;
    expect(invitation.url).toMatch(/\/v1\/tickets\/accept\?ticket=/);
    expect(invitation.url).not.toContain("app.example");
    const user = (await raw(fake, "GET", `/users/${ADA}`)).body;
    expect(user.profile_image_url).toBe(user.image_url);
    const session = (await raw(fake, "POST", "/sessions", { body: { user_id: ADA } })).body;
    expect(session.latest_activity).toMatchObject({ object: "session_activity", is_mobile: false });
  });
});

describe("the role catalog", () => {
  it("a custom permission on a role reaches the session token's o.per and fea; system ones stay out", async () => {
    const fake = createClerkFake({ seed });
    const permission = (
      await raw(fake, "POST", "/organization_permissions", {
        body: { name: "Read invoices", key: "org:invoices:read" },
      })
    ).body;
    const roles = (await raw(fake, "GET", "/organization_roles?query=org:member")).body.data;
    const member = roles.find((r: { key: string }) => r.key === "org:member");
    expect(
      (await raw(fake, "POST", `/organization_roles/${member.id}/permissions/${permission.id}`)).body.permissions.map(
        (p: { key: string }) => p.key,
      ),
    ).toEqual(["org:sys_memberships:read", "org:invoices:read"]);
    await raw(fake, "POST", `/organizations/${ORG}/memberships`, { body: { user_id: ALAN, role: "org:member" } });
    const session = (await raw(fake, "POST", "/sessions", { body: { user_id: ALAN } })).body;
    const claims = decodeJwt((await raw(fake, "POST", `/sessions/${session.id}/tokens`, { body: {} })).body.jwt);
    expect(claims["o"]).toMatchObject({ id: ORG, rol: "member", per: "read", fpm: "1" });
    expect(claims["fea"]).toBe("o:invoices");
    const membership = (await raw(fake, "GET", `/organizations/${ORG}/memberships?user_id=${ALAN}`)).body.data[0];
    expect(membership.permissions).toEqual(["org:sys_memberships:read", "org:invoices:read"]);
  });

  it("starts with Clerk's defaults and refuses changes to system permissions and deleting a role in use", async () => {
    const fake = createClerkFake({ seed });
    expect((await raw(fake, "GET", "/organization_roles")).body.total_count).toBe(2);
    const sets = (await raw(fake, "GET", "/role_sets")).body.data;
    expect(sets).toMatchObject([
      {
        key: "role_set:default",
        type: "initial",
        default_role: { key: "org:member" },
        creator_role: { key: "org:admin" },
      },
    ]);
    const system = (await raw(fake, "GET", "/organization_permissions?query=sys_profile")).body.data[0];
    expect((await raw(fake, "DELETE", `/organization_permissions/${system.id}`)).status).toBe(403);
    const admin = (await raw(fake, "GET", "/organization_roles?query=org:admin")).body.data[0];
    expect((await raw(fake, "DELETE", `/organization_roles/${admin.id}`)).status).toBe(422);
  });
});

describe("D: the fake under bad input", () => {
  it("a malformed percent escape in a path id is 404, not 500", async () => {
    const fake = createClerkFake();
    expect((await raw(fake, "GET", "/users/%E0%A4%A")).status).toBe(404);
  });

  it("seed validation refuses duplicate, empty and slash ids and a users field that is not an array", () => {
    expect(() => createClerkFake({ seed: { users: [{ id: ADA }, { id: ADA }] } })).toThrow(/used twice/);
    expect(() =>
      createClerkFake({
        seed: {
          organizations: [
            { id: ORG, name: "A" },
            { id: ORG, name: "B" },
          ],
        },
      }),
    ).toThrow(/used twice/);
    expect(() => createClerkFake({ seed: { users: [{ id: "" }] } })).toThrow(/non-empty/);
    expect(() => createClerkFake({ seed: { users: [{ id: "user_a/b" }] } })).toThrow(/letters, digits/);
    expect(() => createClerkFake({ seed: { users: "nope" as never } })).toThrow(/seed.users must be an array/);
  });

  it("failNext with times 0 fails nothing; a status that is no error status is refused at once", async () => {
    const fake = createClerkFake();
    fake.failNext({ status: 500, times: 0 });
    expect((await raw(fake, "GET", "/users/count")).status).toBe(200);
    for (const status of [204, 200, 99, 600, 1000]) expect(() => fake.failNext({ status })).toThrow(RangeError);
    expect((await raw(fake, "GET", "/users/count")).status).toBe(200);
  });

  it("an invalid webhooks.signingSecret fails createClerkFake, before any change is stored", () => {
    for (const signingSecret of ["not-a-secret", "whsec_", "whsec_!!!"])
      expect(() => createClerkFake({ webhooks: { signingSecret, deliver: () => new Response("") } })).toThrow(
        TypeError,
      );
  });

  it("a receiver that never answers does not hang the API call: the delivery is recorded as failed", async () => {
    const server = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const fake = createClerkFake({
        webhooks: { signingSecret: "whsec_dGVzdHNlY3JldA==", deliver: `http://127.0.0.1:${port}/hook`, timeoutMs: 200 },
      });
      expect((await raw(fake, "POST", "/users", { body: { first_name: "Ada" } })).status).toBe(200);
      expect(fake.webhookDeliveries).toHaveLength(1);
      expect(fake.webhookDeliveries[0]).toMatchObject({ type: "user.created", status: undefined });
      expect(fake.webhookDeliveries[0]?.error).toMatch(/did not answer within 200 ms/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("now() returning an invalid date fails the request with a message naming now(), never created_at: null", async () => {
    let valid = true;
    const fake = createClerkFake({ now: () => (valid ? new Date() : new Date("nonsense")) });
    valid = false;
    const answer = await raw(fake, "POST", "/users", { body: { first_name: "Ada" } });
    expect(answer.status).toBe(500);
    expect(answer.body.errors[0].long_message).toMatch(/now\(\) returned Invalid Date/);
  });
});
