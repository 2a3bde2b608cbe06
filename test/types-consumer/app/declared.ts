// An app that declares Clerk's global interfaces (clerk-globals.d.ts) and uses
// clerk-fn as a package (imports resolve to dist/ through package.json
// "exports"). Type-checked only, never run (types-consumer.test.ts): each
// `Expect<Equal<…>>` must hold and each `@ts-expect-error` must meet an error,
// so a metadata map that fell back to Record<string, unknown> fails the check.
import { ClerkCore } from "clerk-fn/core";
import {
  invitationsCreate,
  organizationInvitationsCreate,
  organizationMembershipsCreate,
  organizationMembershipsUpdateMetadata,
  organizationsCreate,
  organizationsGet,
  organizationsMergeMetadata,
  signUpsGet,
  usersCreate,
  usersGet,
  usersReplaceMetadata,
  usersUpdateMetadata,
} from "clerk-fn/funcs";
import type {
  Invitation,
  OrganizationInvitation,
  OrganizationMembership,
  SignUp,
  User,
} from "clerk-fn/models/components";
import { authenticateRequest, checkAuthorization, verifyToken, type SessionClaims } from "clerk-fn/auth";
import { isKnownWebhookEvent, verifyWebhook, type UnknownWebhookEvent, type WebhookEvent } from "clerk-fn/webhooks";
import { createClerkFake } from "clerk-fn/testing";
import * as root from "clerk-fn";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

const core = new ClerkCore({ bearerAuth: "sk_test_x" });

// Responses: every metadata map of users, organisations, memberships and invitations.
export type ResponseChecks = [
  Expect<Equal<User["publicMetadata"]["plan"], "free" | "pro">>,
  Expect<Equal<User["publicMetadata"]["seats"], number | undefined>>,
  Expect<Equal<NonNullable<User["privateMetadata"]>["stripeCustomerId"], string | undefined>>,
  Expect<Equal<NonNullable<User["unsafeMetadata"]>["theme"], "light" | "dark" | undefined>>,
  Expect<Equal<OrganizationMembership["publicMetadata"]["title"], string | undefined>>,
  Expect<Equal<NonNullable<OrganizationMembership["privateMetadata"]>["costCentre"], number | undefined>>,
  Expect<Equal<OrganizationInvitation["publicMetadata"]["source"], "dashboard" | "api">>,
  Expect<Equal<NonNullable<OrganizationInvitation["privateMetadata"]>["campaign"], string | undefined>>,
  // An invitation's public metadata becomes the new user's.
  Expect<Equal<Invitation["publicMetadata"]["plan"], "free" | "pro">>,
  Expect<Equal<NonNullable<SignUp["unsafeMetadata"]>["referral"], string | undefined>>,
  // Keys the app did not declare stay readable, as unknown (Clerk's own types allow them too).
  Expect<Equal<User["publicMetadata"]["other"], unknown>>,
  // The root entry's namespaced models are the same types.
  Expect<Equal<root.components.User["publicMetadata"]["plan"], "free" | "pro">>,
];

export async function responses(userId: string, organizationId: string): Promise<void> {
  const user = await usersGet(core, { userId });
  if (user.ok) {
    const plan: "free" | "pro" = user.value.publicMetadata.plan;
    // @ts-expect-error -- "gold" is not a declared plan, so the comparison has no overlap
    if (user.value.publicMetadata.plan === "gold") console.log(plan);
  }
  const organization = await organizationsGet(core, { organizationId });
  if (organization.ok) {
    const tier: "team" | "enterprise" = organization.value.publicMetadata.tier;
    // @ts-expect-error -- billingId is a string
    const billingId: number = organization.value.privateMetadata?.billingId;
    console.log(tier, billingId);
  }
  const signUp = await signUpsGet(core, { id: "sua_1" });
  if (signUp.ok) console.log(signUp.value.unsafeMetadata?.referral, signUp.value.publicMetadata?.plan);
}

// Request bodies: what an app sends is checked against what it declared.
export async function requests(userId: string, organizationId: string): Promise<void> {
  await usersUpdateMetadata(core, { userId, requestBody: { publicMetadata: { plan: "pro" } } });
  // @ts-expect-error -- "gold" is not a declared plan
  await usersUpdateMetadata(core, { userId, requestBody: { publicMetadata: { plan: "gold" } } });
  // @ts-expect-error -- seats is a number
  await usersReplaceMetadata(core, { userId, requestBody: { publicMetadata: { plan: "free", seats: "3" } } });
  // @ts-expect-error -- theme is "light" | "dark"
  await usersUpdateMetadata(core, { userId, requestBody: { unsafeMetadata: { theme: "blue" } } });
  await usersCreate(core, { requestBody: { emailAddress: ["a@example.com"], publicMetadata: { plan: "free" } } });
  // @ts-expect-error -- a declared, required member (plan) is missing
  await usersCreate(core, { requestBody: { emailAddress: ["a@example.com"], publicMetadata: { seats: 2 } } });
  await invitationsCreate(core, { requestBody: { emailAddress: "a@example.com", publicMetadata: { plan: "pro" } } });
  // @ts-expect-error -- an invitation carries the future user's public metadata
  await invitationsCreate(core, { requestBody: { emailAddress: "a@example.com", publicMetadata: { plan: "gold" } } });
  await organizationsCreate(core, { requestBody: { name: "Acme", publicMetadata: { tier: "team" } } });
  // @ts-expect-error -- "solo" is not a declared tier
  await organizationsMergeMetadata(core, { organizationId, requestBody: { publicMetadata: { tier: "solo" } } });
  await organizationMembershipsCreate(core, {
    organizationId,
    requestBody: { userId, role: "org:member", publicMetadata: { title: "CTO" } },
  });
  await organizationMembershipsUpdateMetadata(core, {
    organizationId,
    userId,
    // @ts-expect-error -- costCentre is a number
    requestBody: { privateMetadata: { costCentre: "42" } },
  });
  await organizationInvitationsCreate(core, {
    organizationId,
    // @ts-expect-error -- "email" is not a declared source
    requestBody: { emailAddress: "a@example.com", role: "org:member", publicMetadata: { source: "email" } },
  });
}

// Webhooks: `type` narrows `data`, whose metadata is the app's.
export async function webhooks(request: Request): Promise<Response> {
  const verified = await verifyWebhook(request, { signingSecret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });
  if (!verified.ok) return new Response(null, { status: 400 });
  const evt: WebhookEvent = verified.value;
  if (evt.type === "user.created") {
    const id: string | null | undefined = evt.data.id;
    const plan: "free" | "pro" | undefined = evt.data.publicMetadata?.plan;
    // @ts-expect-error -- "gold" is not a declared plan
    if (evt.data.publicMetadata?.plan === "gold") console.log(id, plan);
  }
  switch (evt.type) {
    case "organization.updated":
      console.log(evt.data.publicMetadata?.tier satisfies "team" | "enterprise" | undefined);
      break;
    case "organizationMembership.created":
      console.log(evt.data.publicMetadata?.title satisfies string | undefined);
      break;
    case "session.created":
      console.log(evt.data.userId);
      break;
    default: {
      // Types added after this version of clerk-fn reach the app too, with `data` as sent.
      const other: UnknownWebhookEvent = evt;
      console.log(other.type, other.data);
    }
  }
  if (!isKnownWebhookEvent(evt)) return Response.json({ unhandled: evt.type });
  return new Response(null, { status: 204 });
}

// Session claims (also as `sessionClaims`, @clerk/backend's name) and checkAuthorization.
export async function auth(request: Request): Promise<void> {
  const state = await authenticateRequest(request, { jwtKey: "-----BEGIN PUBLIC KEY-----" });
  const session = state.toAuth();
  if (session.tokenType === "session_token" && session.sessionClaims) {
    const onboarded: boolean = session.sessionClaims.metadata.onboarded;
    const same: SessionClaims | null = session.claims;
    // @ts-expect-error -- onboarded is a boolean
    const wrong: string = session.sessionClaims.metadata.onboarded;
    const sub: string = session.sessionClaims.sub;
    console.log(onboarded, same, wrong, sub, session.sessionClaims.primaryEmail satisfies string | undefined);
  }
  checkAuthorization(session, { role: "org:admin" });
  checkAuthorization(session, { permission: "org:posts:edit", reverification: "strict" });
  // @ts-expect-error -- "org:owner" is not a declared role
  checkAuthorization(session, { role: "org:owner" });
  // @ts-expect-error -- "org:posts:delete" is not a declared permission
  checkAuthorization(session, { permission: "org:posts:delete" });
  const claims = await verifyToken("token", { jwtKey: "-----BEGIN PUBLIC KEY-----" });
  if (claims.ok) console.log(claims.value.metadata.onboarded satisfies boolean);
}

// The fake's seed takes the same shapes.
export function fake(): void {
  createClerkFake({
    seed: {
      users: [{ id: "user_1", publicMetadata: { plan: "pro" }, unsafeMetadata: { theme: "dark" } }],
      organizations: [
        { name: "Acme", publicMetadata: { tier: "team" }, members: [{ userId: "user_1", role: "org:admin" }] },
      ],
    },
  });
  // @ts-expect-error -- "gold" is not a declared plan
  createClerkFake({ seed: { users: [{ publicMetadata: { plan: "gold" } }] } });
  // @ts-expect-error -- "enterprise-plus" is not a declared tier
  createClerkFake({ seed: { organizations: [{ name: "Acme", publicMetadata: { tier: "enterprise-plus" } }] } });
  // @ts-expect-error -- "org:owner" is not a declared role
  createClerkFake({ seed: { organizations: [{ name: "Acme", members: [{ userId: "user_1", role: "org:owner" }] }] } });
}
