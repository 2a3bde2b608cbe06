// Sessions, session tokens and JWT templates through the public functions; the tokens the
// fake answers with verify with clerk-fn/auth against the same fake.
import { describe, expect, it } from "vitest";
import { authenticateRequest, verifyToken } from "../../src/auth/index.js";
import { jwtTemplatesCreate } from "../../src/funcs/jwtTemplatesCreate.js";
import { jwtTemplatesDelete } from "../../src/funcs/jwtTemplatesDelete.js";
import { jwtTemplatesGet } from "../../src/funcs/jwtTemplatesGet.js";
import { jwtTemplatesList } from "../../src/funcs/jwtTemplatesList.js";
import { jwtTemplatesUpdate } from "../../src/funcs/jwtTemplatesUpdate.js";
import { sessionsCreate } from "../../src/funcs/sessionsCreate.js";
import { sessionsCreateToken } from "../../src/funcs/sessionsCreateToken.js";
import { sessionsCreateTokenFromTemplate } from "../../src/funcs/sessionsCreateTokenFromTemplate.js";
import { sessionsGet } from "../../src/funcs/sessionsGet.js";
import { sessionsList } from "../../src/funcs/sessionsList.js";
import { sessionsRevoke } from "../../src/funcs/sessionsRevoke.js";
import { usersGet } from "../../src/funcs/usersGet.js";
import { harness, useSpecCheck } from "./support/checked.js";
import { clerkErrorOf, unwrapOk } from "./support/results.js";

useSpecCheck("sessions.test.ts");

const ADA = "user_2ada000000000000000000000";
const ORG = "org_2engines0000000000000000000";
const seed = {
  users: [
    {
      id: ADA,
      firstName: "Ada",
      lastName: "Lovelace",
      emailAddresses: ["ada@example.com"],
      publicMetadata: { plan: "pro" },
    },
  ],
  organizations: [{ id: ORG, name: "Engines", slug: "engines", createdBy: ADA }],
};

describe("sessions", () => {
  it("creates, gets, lists by user and status, mints tokens and revokes", async () => {
    const { core, fake } = harness({ seed });
    const session = unwrapOk(await sessionsCreate(core, { requestBody: { userId: ADA, activeOrganizationId: ORG } }));
    expect(session).toMatchObject({ object: "session", userId: ADA, status: "active", lastActiveOrganizationId: ORG });
    expect(session.id).toMatch(/^sess_\w{27}$/);
    expect(unwrapOk(await sessionsGet(core, { sessionId: session.id })).id).toBe(session.id);
    expect(unwrapOk(await usersGet(core, { userId: ADA })).lastSignInAt).toBe(session.createdAt);
    const second = unwrapOk(await sessionsCreate(core, { requestBody: { userId: ADA } }));

    const token = unwrapOk(
      await sessionsCreateToken(core, { sessionId: session.id, requestBody: { expiresInSeconds: 120 } }),
    );
    expect(token.object).toBe("token");
    const state = await authenticateRequest(
      new Request("https://api.example.com", { headers: { authorization: `Bearer ${token.jwt}` } }),
      { jwtKey: fake.jwtKey },
    );
    expect(state.toAuth()).toMatchObject({
      userId: ADA,
      sessionId: session.id,
      orgId: ORG,
      orgSlug: "engines",
      orgRole: "org:admin",
    });
    const claims = unwrapOk(await verifyToken(token.jwt!, { jwtKey: fake.jwtKey }));
    expect(claims.exp - claims.iat!).toBe(120);

    unwrapOk(await sessionsRevoke(core, { sessionId: second.id }));
    expect(unwrapOk(await sessionsList(core, { userId: ADA })).map((s) => s.status)).toEqual(["revoked", "active"]);
    expect(unwrapOk(await sessionsList(core, { userId: ADA, status: "active" })).map((s) => s.id)).toEqual([
      session.id,
    ]);
    expect(clerkErrorOf(await sessionsCreateToken(core, { sessionId: second.id, requestBody: {} })).statusCode).toBe(
      404,
    );
    expect(clerkErrorOf(await sessionsList(core, {})).data.errors[0]?.code).toBe("form_param_missing");
    expect(clerkErrorOf(await sessionsCreate(core, { requestBody: { userId: "user_missing" } })).statusCode).toBe(404);
  });
});

describe("JWT templates", () => {
  it("CRUD, and a session token from a template with resolved shortcodes", async () => {
    const { core, fake } = harness({ seed });
    const template = unwrapOk(
      await jwtTemplatesCreate(core, {
        requestBody: {
          name: "supabase",
          claims: {
            role: "authenticated",
            email: "{{user.primary_email_address}}",
            meta: "{{user.public_metadata}}",
            greeting: "Hi {{user.first_name}}!",
          },
          lifetime: 300,
        },
      }),
    );
    expect(template).toMatchObject({
      object: "jwt_template",
      name: "supabase",
      lifetime: 300,
      allowedClockSkew: 5,
      signingAlgorithm: "RS256",
    });
    expect(
      clerkErrorOf(await jwtTemplatesCreate(core, { requestBody: { name: "supabase", claims: {} } })).data.errors[0]
        ?.code,
    ).toBe("duplicate_record");
    expect(unwrapOk(await jwtTemplatesList(core)).map((t) => t.name)).toEqual(["supabase"]);
    expect(
      unwrapOk(
        await jwtTemplatesUpdate(core, {
          templateId: template.id,
          requestBody: { name: "supabase", claims: template.claims, lifetime: 600 },
        }),
      ).lifetime,
    ).toBe(600);
    expect(unwrapOk(await jwtTemplatesGet(core, { templateId: template.id })).lifetime).toBe(600);

    const session = unwrapOk(await sessionsCreate(core, { requestBody: { userId: ADA } }));
    const token = unwrapOk(
      await sessionsCreateTokenFromTemplate(core, { sessionId: session.id, templateName: "supabase" }),
    );
    const claims = unwrapOk(await verifyToken(token.jwt!, { jwtKey: fake.jwtKey }));
    expect(claims).toMatchObject({
      sub: ADA,
      role: "authenticated",
      email: "ada@example.com",
      meta: { plan: "pro" },
      greeting: "Hi Ada!",
    });
    expect(claims.exp - claims.iat!).toBe(600);
    expect(
      clerkErrorOf(await sessionsCreateTokenFromTemplate(core, { sessionId: session.id, templateName: "nope" }))
        .statusCode,
    ).toBe(404);
    unwrapOk(await jwtTemplatesDelete(core, { templateId: template.id }));
    expect(unwrapOk(await jwtTemplatesList(core))).toEqual([]);
  });
});
