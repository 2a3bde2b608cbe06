// Billing in the fake: seeded plans and subscriptions, the Backend API's billing reads and
// writes, and `has({ plan })` / `has({ feature })` end to end: a session token the fake issues
// carries `pla` and `fea`, which clerk-fn/auth and @clerk/backend's has() read alike.
import { verifyToken as referenceVerifyToken } from "@clerk/backend";
import { signedInAuthObject } from "@clerk/backend/internal";
import { describe, expect, it } from "vitest";
import { authenticateRequest, checkAuthorization, type AuthorizationCheck } from "../../src/auth/index.js";
import { billingCancelSubscriptionItem } from "../../src/funcs/billingCancelSubscriptionItem.js";
import { billingExtendSubscriptionItemFreeTrial } from "../../src/funcs/billingExtendSubscriptionItemFreeTrial.js";
import { billingListPlans } from "../../src/funcs/billingListPlans.js";
import { billingListPrices } from "../../src/funcs/billingListPrices.js";
import { billingListSubscriptionItems } from "../../src/funcs/billingListSubscriptionItems.js";
import { organizationsAdjustBillingCreditBalance } from "../../src/funcs/organizationsAdjustBillingCreditBalance.js";
import { organizationsGetBillingCreditBalance } from "../../src/funcs/organizationsGetBillingCreditBalance.js";
import { organizationsGetBillingSubscription } from "../../src/funcs/organizationsGetBillingSubscription.js";
import { sessionsCreate } from "../../src/funcs/sessionsCreate.js";
import { sessionsCreateToken } from "../../src/funcs/sessionsCreateToken.js";
import { usersAdjustBillingCreditBalance } from "../../src/funcs/usersAdjustBillingCreditBalance.js";
import { usersCreate } from "../../src/funcs/usersCreate.js";
import { usersGetBillingCreditBalance } from "../../src/funcs/usersGetBillingCreditBalance.js";
import { usersGetBillingSubscription } from "../../src/funcs/usersGetBillingSubscription.js";
import type { Seed } from "../../src/testing/index.js";
import { harness, useSpecCheck } from "./support/checked.js";
import { clerkErrorOf, unwrapOk } from "./support/results.js";

useSpecCheck("billing.test.ts");

const ADA = "user_2ada000000000000000000000";
const BOB = "user_2bob000000000000000000000";
const ORG = "org_2engines0000000000000000000";

const seed: Seed = {
  users: [
    { id: ADA, emailAddresses: ["ada@example.com"] },
    { id: BOB, emailAddresses: ["bob@example.com"] },
  ],
  organizations: [{ id: ORG, name: "Engines", slug: "engines", createdBy: ADA }],
  billing: {
    plans: [
      { slug: "free_user", payerType: "user", isDefault: true },
      { slug: "pro", payerType: "user", amount: 2000, features: ["exports", "priority_support"] },
      { slug: "free_org", payerType: "org", isDefault: true },
      { slug: "team", payerType: "org", amount: 9900, features: ["invoices"] },
    ],
    subscriptions: [
      { userId: ADA, plan: "pro", freeTrial: true },
      { orgId: ORG, plan: "team" },
    ],
  },
};

const CHECKS: AuthorizationCheck[] = [
  { plan: "pro" },
  { plan: "u:pro" },
  { plan: "o:pro" },
  { plan: "team" },
  { plan: "org:team" },
  { plan: "free_user" },
  { feature: "exports" },
  { feature: "user:exports" },
  { feature: "invoices" },
  { feature: "o:invoices" },
  { feature: "u:invoices" },
  { feature: "missing" },
];

/** The answers of clerk-fn/auth's checkAuthorization and of @clerk/backend's has() for one fake-issued token. */
async function answers(jwtKey: string, token: string): Promise<{ ours: boolean[]; theirs: boolean[] }> {
  const state = await authenticateRequest(
    new Request("https://app.example.com", { headers: { authorization: `Bearer ${token}` } }),
    {
      jwtKey,
    },
  );
  expect(state.status).toBe("signed-in");
  // @clerk/backend's root verifyToken answers with the payload (and throws when the token is bad).
  const payload = await referenceVerifyToken(token, { jwtKey });
  const reference = signedInAuthObject({}, token, payload as never) as { has(check: unknown): boolean };
  return {
    ours: CHECKS.map((check) => checkAuthorization(state.toAuth(), check)),
    theirs: CHECKS.map((check) => reference.has(check)),
  };
}

describe("billing", () => {
  it("lists the seeded plans and prices, filtered by payer type", async () => {
    const { core } = harness({ seed });
    const plans = unwrapOk(await billingListPlans(core, {}));
    expect(plans.data.map((p) => p.slug)).toEqual(["free_user", "pro", "free_org", "team"]);
    const org = unwrapOk(await billingListPlans(core, { payerType: "org" }));
    expect(org.data.map((p) => [p.slug, p.fee?.amount, p.isDefault])).toEqual([
      ["free_org", 0, true],
      ["team", 9900, false],
    ]);
    const pro = plans.data[1];
    expect(pro?.features?.map((f) => f.slug)).toEqual(["exports", "priority_support"]);
    const prices = unwrapOk(await billingListPrices(core, { planId: pro?.id }));
    expect(prices.data.map((p) => [p.planId, p.amount])).toEqual([[pro?.id, 2000]]);
  });

  it("answers each payer's subscription; a payer without one is on its default plan", async () => {
    const { core } = harness({ seed });
    const ada = unwrapOk(await usersGetBillingSubscription(core, { userId: ADA }));
    expect(ada.status).toBe("active");
    expect(ada.subscriptionItems.map((i) => [i.plan?.slug, i.isFreeTrial])).toEqual([["pro", true]]);
    const bob = unwrapOk(await usersGetBillingSubscription(core, { userId: BOB }));
    expect(bob.subscriptionItems.map((i) => i.plan?.slug)).toEqual(["free_user"]);
    // The same default item on a second look, not a new one.
    expect(unwrapOk(await usersGetBillingSubscription(core, { userId: BOB })).subscriptionItems[0]?.id).toBe(
      bob.subscriptionItems[0]?.id,
    );
    const org = unwrapOk(await organizationsGetBillingSubscription(core, { organizationId: ORG }));
    expect(org.subscriptionItems.map((i) => i.plan?.slug)).toEqual(["team"]);
    expect(clerkErrorOf(await usersGetBillingSubscription(core, { userId: "user_missing" })).statusCode).toBe(404);
    const unbilled = harness();
    const user = unwrapOk(await usersCreate(unbilled.core, { requestBody: { emailAddress: ["x@example.com"] } }));
    expect(clerkErrorOf(await usersGetBillingSubscription(unbilled.core, { userId: user.id })).statusCode).toBe(404);
  });

  it("puts pla and fea in session tokens, and has({ plan }) / has({ feature }) agree with @clerk/backend", async () => {
    const { core, fake } = harness({ seed });
    const session = unwrapOk(await sessionsCreate(core, { requestBody: { userId: ADA, activeOrganizationId: ORG } }));
    const token = unwrapOk(await sessionsCreateToken(core, { sessionId: session.id, requestBody: {} })).jwt ?? "";
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as Record<
      string,
      unknown
    >;
    expect(claims["pla"]).toBe("u:pro,o:team");
    expect(String(claims["fea"]).split(",")).toEqual(
      expect.arrayContaining(["u:exports", "u:priority_support", "o:invoices"]),
    );
    const { ours, theirs } = await answers(fake.jwtKey, token);
    expect(ours).toEqual(theirs);
    expect(ours).toEqual([true, true, false, true, true, false, true, true, true, true, false, false]);

    // Bob, on the free default plan with no organization: only free_user.
    const bobToken = await fake.signSessionToken({ userId: BOB });
    const bob = await answers(fake.jwtKey, bobToken);
    expect(bob.ours).toEqual(bob.theirs);
    expect(bob.ours).toEqual([false, false, false, false, false, true, false, false, false, false, false, false]);
  });

  it("keeps the organization's permission mask aligned when a plan adds features", async () => {
    const { fake } = harness({ seed });
    const token = await fake.signSessionToken({
      userId: ADA,
      orgId: ORG,
      orgRole: "org:admin",
      orgPermissions: ["org:reports:read", "org:reports:manage"],
    });
    const state = await authenticateRequest(
      new Request("https://app.example.com", { headers: { authorization: `Bearer ${token}` } }),
      {
        jwtKey: fake.jwtKey,
      },
    );
    const auth = state.toAuth();
    if (auth.tokenType !== "session_token") throw new Error("a session token gives a session auth object");
    expect(auth.orgPermissions).toEqual(["org:reports:read", "org:reports:manage"]);
    expect(checkAuthorization(auth, { permission: "org:reports:manage" })).toBe(true);
    expect(checkAuthorization(auth, { feature: "o:invoices" })).toBe(true);
    expect(checkAuthorization(auth, { permission: "org:invoices:read" })).toBe(false);
    const payload = await referenceVerifyToken(token, { jwtKey: fake.jwtKey });
    const reference = signedInAuthObject({}, token, payload as never) as { orgPermissions?: string[] };
    expect(reference.orgPermissions).toEqual(auth.orgPermissions);
  });

  it("cancels an item (at period end, or now: the default plan returns) and extends a free trial", async () => {
    let now = new Date("2026-02-01T00:00:00Z");
    const { core, fake } = harness({ seed, now: () => now });
    const items = unwrapOk(await billingListSubscriptionItems(core, {}));
    expect(items.data.map((i) => i.plan?.slug)).toEqual(["pro", "team"]);
    const pro = items.data[0];
    const trialEnd = pro?.periodEnd ?? 0;
    const extended = unwrapOk(
      await billingExtendSubscriptionItemFreeTrial(core, {
        subscriptionItemId: pro?.id ?? "",
        requestBody: { extendTo: new Date(trialEnd + 7 * 86_400_000).toISOString() },
      }),
    );
    expect(extended.periodEnd).toBe(trialEnd + 7 * 86_400_000);
    const team = items.data[1];
    expect(
      clerkErrorOf(
        await billingExtendSubscriptionItemFreeTrial(core, {
          subscriptionItemId: team?.id ?? "",
          requestBody: { extendTo: new Date(now.getTime() + 86_400_000 * 60).toISOString() },
        }),
      ).statusCode,
    ).toBe(400);

    const canceled = unwrapOk(await billingCancelSubscriptionItem(core, { subscriptionItemId: pro?.id ?? "" }));
    expect(canceled).toMatchObject({ status: "canceled", canceledAt: now.getTime() });
    const stillPro = await fake.signSessionToken({ userId: ADA });
    expect(JSON.parse(Buffer.from(stillPro.split(".")[1] ?? "", "base64url").toString())["pla"]).toBe("u:pro");
    now = new Date(trialEnd + 8 * 86_400_000);
    const lapsed = await fake.signSessionToken({ userId: ADA });
    expect(JSON.parse(Buffer.from(lapsed.split(".")[1] ?? "", "base64url").toString())["pla"]).toBe("u:free_user");

    const ended = unwrapOk(
      await billingCancelSubscriptionItem(core, { subscriptionItemId: team?.id ?? "", endNow: true }),
    );
    expect(ended.status).toBe("ended");
    const org = unwrapOk(await organizationsGetBillingSubscription(core, { organizationId: ORG }));
    expect(org.subscriptionItems.map((i) => [i.plan?.slug, i.status])).toEqual([
      ["team", "ended"],
      ["free_org", "active"],
    ]);
    expect(
      clerkErrorOf(await billingCancelSubscriptionItem(core, { subscriptionItemId: team?.id ?? "" })).statusCode,
    ).toBe(400);
  });

  it("adjusts credit balances idempotently and never below zero", async () => {
    const { core } = harness({ seed });
    const adjust = (amount: number, action: "increase" | "decrease", idempotencyKey: string) =>
      usersAdjustBillingCreditBalance(core, { userId: ADA, requestBody: { amount, action, idempotencyKey } });
    expect(unwrapOk(await usersGetBillingCreditBalance(core, { userId: ADA })).balance?.amount).toBe(0);
    const first = unwrapOk(await adjust(500, "increase", "k1"));
    expect(first.amount.amount).toBe(500);
    expect(unwrapOk(await adjust(500, "increase", "k1")).id).toBe(first.id);
    expect(clerkErrorOf(await adjust(700, "increase", "k1")).statusCode).toBe(409);
    unwrapOk(await adjust(200, "decrease", "k2"));
    expect(clerkErrorOf(await adjust(400, "decrease", "k3")).statusCode).toBe(422);
    expect(unwrapOk(await usersGetBillingCreditBalance(core, { userId: ADA })).balance?.amount).toBe(300);
    unwrapOk(
      await organizationsAdjustBillingCreditBalance(core, {
        organizationId: ORG,
        requestBody: { amount: 1000, action: "increase", idempotencyKey: "k1" },
      }),
    );
    expect(unwrapOk(await organizationsGetBillingCreditBalance(core, { organizationId: ORG })).balance?.amount).toBe(
      1000,
    );
  });
});
