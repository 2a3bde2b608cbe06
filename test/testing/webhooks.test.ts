// Webhook deliveries: the events Clerk would send for each change, signed so that both
// clerk-fn/webhooks and the svix package accept them, with payloads valid against
// Clerk's webhooks spec.
import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { organizationInvitationsCreate } from "../../src/funcs/organizationInvitationsCreate.js";
import { organizationInvitationsRevoke } from "../../src/funcs/organizationInvitationsRevoke.js";
import { organizationMembershipsCreate } from "../../src/funcs/organizationMembershipsCreate.js";
import { organizationMembershipsDelete } from "../../src/funcs/organizationMembershipsDelete.js";
import { organizationMembershipsUpdate } from "../../src/funcs/organizationMembershipsUpdate.js";
import { organizationsCreate } from "../../src/funcs/organizationsCreate.js";
import { organizationsDelete } from "../../src/funcs/organizationsDelete.js";
import { organizationsUpdate } from "../../src/funcs/organizationsUpdate.js";
import { sessionsCreate } from "../../src/funcs/sessionsCreate.js";
import { sessionsRevoke } from "../../src/funcs/sessionsRevoke.js";
import { usersCreate } from "../../src/funcs/usersCreate.js";
import { usersDelete } from "../../src/funcs/usersDelete.js";
import { usersUpdate } from "../../src/funcs/usersUpdate.js";
import { verifyWebhook } from "../../src/webhooks/index.js";
import { startHttpServer } from "../support/http-server.js";
import { harness, useSpecCheck } from "./support/checked.js";
import { unwrapOk } from "./support/results.js";
import { checkWebhookPayload } from "./support/webhook-spec.js";

useSpecCheck("webhooks.test.ts");

const SECRET = `whsec_${btoa("a test signing secret of 32 bytes")}`;

describe("webhook deliveries", () => {
  it("sends the events Clerk sends, signed for clerk-fn/webhooks and svix, with spec-valid payloads", async () => {
    const received: Request[] = [];
    const { core, fake } = harness({
      seed: {
        users: [{ id: "user_2alan00000000000000000000", firstName: "Alan", emailAddresses: ["alan@example.com"] }],
      },
      webhooks: { signingSecret: SECRET, deliver: (request) => (received.push(request.clone()), new Response("ok")) },
    });
    expect(fake.webhookDeliveries).toHaveLength(0); // the seed sends nothing

    const ada = unwrapOk(
      await usersCreate(core, { requestBody: { firstName: "Ada", emailAddress: ["ada@example.com"] } }),
    );
    unwrapOk(await usersUpdate(core, { userId: ada.id, requestBody: { lastName: "Lovelace" } }));
    const org = unwrapOk(await organizationsCreate(core, { requestBody: { name: "Engines", createdBy: ada.id } }));
    unwrapOk(await organizationsUpdate(core, { organizationId: org.id, requestBody: { name: "Engines Ltd" } }));
    unwrapOk(
      await organizationMembershipsCreate(core, {
        organizationId: org.id,
        requestBody: { userId: "user_2alan00000000000000000000", role: "org:member" },
      }),
    );
    unwrapOk(
      await organizationMembershipsUpdate(core, {
        organizationId: org.id,
        userId: "user_2alan00000000000000000000",
        requestBody: { role: "org:admin" },
      }),
    );
    const invitation = unwrapOk(
      await organizationInvitationsCreate(core, {
        organizationId: org.id,
        requestBody: { emailAddress: "new@example.com", role: "org:member", inviterUserId: ada.id },
      }),
    );
    unwrapOk(
      await organizationInvitationsRevoke(core, {
        organizationId: org.id,
        invitationId: invitation.id,
        requestBody: {},
      }),
    );
    const session = unwrapOk(await sessionsCreate(core, { requestBody: { userId: ada.id } }));
    unwrapOk(await sessionsRevoke(core, { sessionId: session.id }));
    unwrapOk(
      await organizationMembershipsDelete(core, { organizationId: org.id, userId: "user_2alan00000000000000000000" }),
    );
    unwrapOk(await organizationsDelete(core, { organizationId: org.id }));
    unwrapOk(await usersDelete(core, { userId: ada.id }));

    expect(fake.webhookDeliveries.map((d) => d.type)).toEqual([
      "user.created",
      "user.updated",
      "organization.created",
      "organizationMembership.created",
      "organization.updated",
      "organizationMembership.created",
      "organizationMembership.updated",
      "organizationInvitation.created",
      "organizationInvitation.revoked",
      "session.created",
      "session.revoked",
      "organizationMembership.deleted",
      "organization.deleted",
      "user.deleted",
    ]);
    expect(fake.webhookDeliveries.every((d) => d.status === 200 && d.responseBody === "ok")).toBe(true);
    expect(received).toHaveLength(14);

    const svix = new Webhook(SECRET);
    for (const [index, request] of received.entries()) {
      const delivery = fake.webhookDeliveries[index]!;
      const body = await request.clone().text();
      const verified = await verifyWebhook(request, { signingSecret: SECRET });
      expect(verified.ok, `clerk-fn/webhooks accepts ${delivery.type}`).toBe(true);
      expect(verified.value?.type).toBe(delivery.type);
      // svix 2.x's verify returns nothing and throws when the signature does not match.
      expect(() => svix.verify(body, Object.fromEntries(request.headers))).not.toThrow();
      expect(() =>
        svix.verify(body.replace(delivery.type, "user.tampered"), Object.fromEntries(request.headers)),
      ).toThrow();
      expect(checkWebhookPayload(delivery.type, JSON.parse(body))).toEqual([]);
    }
    const wrong = await verifyWebhook(received[0]!, {
      signingSecret: `whsec_${btoa("another secret entirely, 32 byte")}`,
    });
    expect(wrong.ok).toBe(false);
  });

  it("POSTs to a URL and records how the receiver answered (status, body, unreachable)", async () => {
    // A receiver that accepts the first delivery and fails the second.
    const server = await startHttpServer((_seen, res, index) =>
      res.writeHead(index === 0 ? 204 : 500).end(index === 0 ? "" : "boom"),
    );
    const url = `${server.url}/hooks`;
    try {
      const { core, fake } = harness({ webhooks: { signingSecret: SECRET, deliver: url } });
      const user = unwrapOk(await usersCreate(core, { requestBody: { firstName: "Web" } }));
      unwrapOk(await usersUpdate(core, { userId: user.id, requestBody: { firstName: "Hook" } }));
      expect(fake.webhookDeliveries.map((d) => [d.type, d.status, d.responseBody])).toEqual([
        ["user.created", 204, ""],
        ["user.updated", 500, "boom"],
      ]);
      expect(server.seen.map((s) => s.headers["svix-id"])).toEqual(fake.webhookDeliveries.map((d) => d.id));
      const unreachable = harness({ webhooks: { signingSecret: SECRET, deliver: "http://127.0.0.1:1/nothing" } });
      unwrapOk(await usersCreate(unreachable.core, { requestBody: {} }));
      expect(unreachable.fake.webhookDeliveries[0]).toMatchObject({ type: "user.created", status: undefined });
      expect(unreachable.fake.webhookDeliveries[0]?.error).toBeTruthy();
    } finally {
      await server.close();
    }
  });

  it("a rejected request delivers nothing", async () => {
    const { core, fake } = harness({ webhooks: { signingSecret: SECRET, deliver: () => new Response("ok") } });
    await usersCreate(core, { requestBody: { emailAddress: ["bad"] } });
    expect(fake.webhookDeliveries).toHaveLength(0);
  });
});
