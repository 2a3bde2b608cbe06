// Billing: the instance's plans and prices, each payer's (user's or organization's)
// subscription and its items, cancelling and extending free trials, and credit balances.
// Plans are made in Clerk's Dashboard and subscriptions through its checkout, neither of which
// the Backend API offers, so both come from the seed (`billing`). A payer with no item of its
// own is on the default plan of its payer type, as on Clerk.
import { param, type HandlerContext, type Handlers } from "../context.js";
import { FakeApiError, formatInvalid } from "../errors.js";
import { clerkId } from "../ids.js";
import { matchesQuery, page, queryBool, queryList } from "../listing.js";
import type { BillingPlanRecord, SubscriptionItemRecord } from "../records.js";
import { validateBody } from "../validate.js";
import { findRecord } from "./find-record.js";
import { findOrganization, findUser } from "./lookup.js";

const DAY_MS = 86_400_000;
const MONTH_MS = 30 * DAY_MS;

type PayerType = BillingPlanRecord["payer_type"];

export interface SeedBillingPlan {
  /** e.g. "pro"; what `has({ plan: "pro" })` checks. */
  readonly slug: string;
  readonly name?: string;
  readonly payerType: PayerType;
  /** Monthly fee in cents (default 0: a free plan). */
  readonly amount?: number;
  /** Feature slugs, e.g. ["invoices"]; what `has({ feature: "invoices" })` checks. */
  readonly features?: readonly string[];
  /** The plan payers of this type are on when they have no other (at most one per payer type). */
  readonly isDefault?: boolean;
}

export interface SeedBillingSubscription {
  /** The payer: a user id or an organization id. */
  readonly userId?: string;
  readonly orgId?: string;
  /** The plan's slug. */
  readonly plan: string;
  readonly freeTrial?: boolean;
}

export interface SeedBilling {
  readonly plans: readonly SeedBillingPlan[];
  readonly subscriptions?: readonly SeedBillingSubscription[];
}

const isGranting = (ctx: HandlerContext, item: SubscriptionItemRecord): boolean =>
  item.status === "active" || (item.status === "canceled" && (item.period_end === null || item.period_end > ctx.now()));

/** The plans a payer has now: its own granting items, else its payer type's default plan. */
export function plansOf(ctx: HandlerContext, payerId: string, payerType: PayerType): BillingPlanRecord[] {
  const own = itemsOf(ctx, payerId)
    .filter((item) => isGranting(ctx, item))
    .flatMap((item) => ctx.store.billingPlans.get(item.plan_id) ?? []);
  if (own.length > 0) return own;
  return [...ctx.store.billingPlans.values()].filter((plan) => plan.payer_type === payerType && plan.is_default);
}

const itemsOf = (ctx: HandlerContext, payerId: string): SubscriptionItemRecord[] =>
  [...ctx.store.subscriptionItems.values()].filter((item) => item.payer_id === payerId);

function addItem(
  ctx: HandlerContext,
  payerId: string,
  payerType: PayerType,
  plan: BillingPlanRecord,
  freeTrial: boolean,
) {
  const now = ctx.now();
  const item: SubscriptionItemRecord = {
    id: clerkId("csubi"),
    seq: ctx.nextSeq(),
    payer_id: payerId,
    payer_type: payerType,
    plan_id: plan.id,
    status: "active",
    is_free_trial: freeTrial,
    period_start: now,
    period_end: plan.amount === 0 && !freeTrial ? null : now + (freeTrial ? 14 * DAY_MS : MONTH_MS),
    canceled_at: null,
    ended_at: null,
    created_at: now,
    updated_at: now,
  };
  ctx.store.subscriptionItems.set(item.id, item);
  return item;
}

/** The payer's items, with an item for the default plan made on first look when it has none. */
function currentItems(ctx: HandlerContext, payerId: string, payerType: PayerType): SubscriptionItemRecord[] {
  const items = itemsOf(ctx, payerId);
  if (items.some((item) => isGranting(ctx, item))) return items;
  const fallback = [...ctx.store.billingPlans.values()].find((p) => p.payer_type === payerType && p.is_default);
  return fallback ? [...items, addItem(ctx, payerId, payerType, fallback, false)] : items;
}

export function applyBillingSeed(ctx: HandlerContext, seed: SeedBilling): void {
  const now = ctx.now();
  for (const plan of seed.plans) {
    if (!/^[a-z0-9_-]+$/.test(plan.slug))
      throw formatInvalid("billing.plans.slug", "must be lowercase letters, digits, - or _");
    for (const other of ctx.store.billingPlans.values())
      if (other.slug === plan.slug && other.payer_type === plan.payerType)
        throw formatInvalid("billing.plans.slug", `${plan.slug} is given twice for ${plan.payerType}`);
    const record: BillingPlanRecord = {
      id: clerkId("cplan"),
      seq: ctx.nextSeq(),
      name: plan.name ?? plan.slug,
      slug: plan.slug,
      payer_type: plan.payerType,
      amount: plan.amount ?? 0,
      features: [...(plan.features ?? [])],
      is_default: plan.isDefault === true,
      created_at: now,
      updated_at: now,
    };
    ctx.store.billingPlans.set(record.id, record);
  }
  for (const subscription of seed.subscriptions ?? []) {
    const payerType: PayerType = subscription.orgId ? "org" : "user";
    const payerId = subscription.orgId ?? subscription.userId ?? "";
    if (payerType === "org") findOrganization(ctx, payerId);
    else findUser(ctx, payerId);
    const plan = [...ctx.store.billingPlans.values()].find(
      (p) => p.slug === subscription.plan && p.payer_type === payerType,
    );
    if (!plan)
      throw formatInvalid("billing.subscriptions.plan", `no ${payerType} plan has the slug ${subscription.plan}`);
    addItem(ctx, payerId, payerType, plan, subscription.freeTrial === true);
  }
}

// Rendering

const money = (cents: number) => ({
  amount: cents,
  amount_formatted: (cents / 100).toFixed(2),
  currency: "USD",
  currency_symbol: "$",
});

const suffix = (id: string): string => id.slice(id.indexOf("_") + 1);

function renderPlan(ctx: HandlerContext, plan: BillingPlanRecord): Record<string, unknown> {
  return {
    object: "commerce_plan",
    id: plan.id,
    name: plan.name,
    fee: money(plan.amount),
    annual_monthly_fee: money(plan.amount),
    annual_fee: money(plan.amount * 12),
    description: null,
    product_id: `prod_${suffix(ctx.store.instanceId)}`,
    is_default: plan.is_default,
    is_recurring: plan.amount > 0,
    publicly_visible: true,
    has_base_fee: plan.amount > 0,
    for_payer_type: plan.payer_type,
    slug: plan.slug,
    avatar_url: null,
    features: plan.features.map((slug) => ({
      object: "feature",
      id: `feat_${slug}`,
      name: slug,
      description: null,
      slug,
      avatar_url: null,
    })),
    free_trial_enabled: false,
    free_trial_days: null,
  };
}

/** The older CommercePlan shape (amounts as numbers and strings, no nulls). */
function renderPlanWithAmounts(ctx: HandlerContext, plan: BillingPlanRecord): Record<string, unknown> {
  const formatted = (cents: number) => (cents / 100).toFixed(2);
  return {
    ...renderPlan(ctx, plan),
    amount: plan.amount,
    amount_formatted: formatted(plan.amount),
    annual_monthly_amount: plan.amount,
    annual_monthly_amount_formatted: formatted(plan.amount),
    annual_amount: plan.amount * 12,
    annual_amount_formatted: formatted(plan.amount * 12),
    currency_symbol: "$",
    currency: "USD",
    description: "",
    avatar_url: "",
    payer_type: [plan.payer_type],
    features: plan.features.map((slug) => ({
      object: "feature",
      id: `feat_${slug}`,
      name: slug,
      description: "",
      slug,
      avatar_url: "",
    })),
  };
}

function renderPrice(ctx: HandlerContext, plan: BillingPlanRecord): Record<string, unknown> {
  return {
    object: "commerce_price",
    id: `cprice_${suffix(plan.id)}`,
    plan_id: plan.id,
    instance_id: ctx.store.instanceId,
    currency: "USD",
    currency_symbol: "$",
    amount: plan.amount,
    annual_monthly_amount: plan.amount,
    fee: money(plan.amount),
    annual_monthly_fee: money(plan.amount),
    description: null,
    is_default: true,
    created_at: plan.created_at,
    supported_billing_periods: "month",
  };
}

const payerIdOf = (payerId: string): string => `cpayer_${suffix(payerId)}`;

function renderItem(ctx: HandlerContext, item: SubscriptionItemRecord): Record<string, unknown> {
  const plan = ctx.store.billingPlans.get(item.plan_id);
  return {
    object: "commerce_subscription_item",
    id: item.id,
    instance_id: ctx.store.instanceId,
    status: item.status,
    plan_id: item.plan_id,
    price_id: `cprice_${suffix(item.plan_id)}`,
    plan: plan ? renderPlan(ctx, plan) : null,
    plan_period: "month",
    payer_id: payerIdOf(item.payer_id),
    is_free_trial: item.is_free_trial,
    period_start: item.period_start,
    period_end: item.period_end,
    canceled_at: item.canceled_at,
    past_due_at: null,
    ended_at: item.ended_at,
    created_at: item.created_at,
    updated_at: item.updated_at,
  };
}

function renderSubscription(ctx: HandlerContext, payerId: string, items: SubscriptionItemRecord[]) {
  const first = items[0];
  const active = items.some((item) => isGranting(ctx, item));
  return {
    object: "commerce_subscription",
    id: `csub_${suffix(payerId)}`,
    instance_id: ctx.store.instanceId,
    status: active ? "active" : "ended",
    payer_id: payerIdOf(payerId),
    created_at: first?.created_at ?? ctx.now(),
    updated_at: Math.max(...items.map((item) => item.updated_at)),
    active_at: active ? (first?.period_start ?? null) : null,
    past_due_at: null,
    subscription_items: items.map((item) => renderItem(ctx, item)),
    eligible_for_free_trial: false,
  };
}

// Handlers

const noBilling = (): FakeApiError =>
  new FakeApiError(404, [
    {
      code: "resource_not_found",
      message: "not found",
      long_message: "This payer has no subscription (the fake's seed defines no billing plan for it).",
      meta: {},
    },
  ]);

function subscriptionFor(payerType: PayerType) {
  return (ctx: HandlerContext) => {
    const payerId =
      payerType === "user"
        ? findUser(ctx, param(ctx, "user_id")).id
        : findOrganization(ctx, param(ctx, "organization_id")).id;
    const items = currentItems(ctx, payerId, payerType);
    if (items.length === 0) throw noBilling();
    return renderSubscription(ctx, payerId, items);
  };
}

const PAYER_TYPES = ["user", "org"];

function listPlans(ctx: HandlerContext) {
  const payerType = ctx.query.get("payer_type");
  if (payerType && !PAYER_TYPES.includes(payerType)) throw formatInvalid("payer_type", "must be user or org");
  const plans = [...ctx.store.billingPlans.values()].filter((p) => !payerType || p.payer_type === payerType);
  return { data: page(plans, ctx.query).map((p) => renderPlan(ctx, p)), total_count: plans.length };
}

function listPrices(ctx: HandlerContext) {
  const planId = ctx.query.get("plan_id");
  const plans = [...ctx.store.billingPlans.values()].filter((p) => !planId || p.id === planId);
  return { data: page(plans, ctx.query).map((p) => renderPrice(ctx, p)), total_count: plans.length };
}

function listItems(ctx: HandlerContext) {
  const statuses = queryList(ctx.query, "status");
  const payerType = ctx.query.get("payer_type");
  const planId = ctx.query.get("plan_id");
  const includeFree = queryBool(ctx.query, "include_free") === true;
  const text = ctx.query.get("query");
  const items = [...ctx.store.subscriptionItems.values()].filter((item) => {
    const plan = ctx.store.billingPlans.get(item.plan_id);
    return (
      (statuses.length === 0 || statuses.includes(item.status)) &&
      (!payerType || item.payer_type === payerType) &&
      (!planId || item.plan_id === planId) &&
      (includeFree || (plan?.amount ?? 0) > 0) &&
      (!text || matchesQuery(text, [item.payer_id, plan?.name, plan?.slug]))
    );
  });
  return { data: page(items, ctx.query).map((item) => renderItem(ctx, item)), total_count: items.length };
}

const findItem = (ctx: HandlerContext): SubscriptionItemRecord =>
  findRecord(ctx.store.subscriptionItems, param(ctx, "subscription_item_id"), "Subscription item");

const badRequest = (code: string, longMessage: string): FakeApiError =>
  new FakeApiError(400, [{ code, message: code.replace(/_/g, " "), long_message: longMessage, meta: {} }]);

function cancelItem(ctx: HandlerContext) {
  const item = findItem(ctx);
  if (item.status === "ended") throw badRequest("subscription_item_ended", "This subscription item has already ended.");
  const now = ctx.now();
  if (queryBool(ctx.query, "end_now") === true) {
    item.status = "ended";
    item.ended_at = now;
    item.period_end = now;
  } else {
    // Cancelled items keep their plan until the end of the period they were paid for.
    item.status = "canceled";
  }
  item.canceled_at = now;
  item.updated_at = now;
  return renderItem(ctx, item);
}

function extendFreeTrial(ctx: HandlerContext) {
  const item = findItem(ctx);
  const body = validateBody(ctx.body, { extend_to: { type: "string", required: true } });
  const to = Date.parse(body["extend_to"] as string);
  if (Number.isNaN(to)) throw formatInvalid("extend_to", "must be an RFC 3339 date-time");
  if (!item.is_free_trial)
    throw badRequest("subscription_item_not_in_free_trial", "Only a free trial can be extended.");
  if (to <= (item.period_end ?? ctx.now()) || to > ctx.now() + 365 * DAY_MS)
    throw formatInvalid("extend_to", "must be after the current trial end and at most 365 days from now");
  item.period_end = to;
  item.updated_at = ctx.now();
  const plan = ctx.store.billingPlans.get(item.plan_id);
  return {
    ...renderItem(ctx, item),
    // This operation answers with the older item shape, whose plan spells its amounts out.
    plan: plan ? renderPlanWithAmounts(ctx, plan) : null,
    payment_source_id: "",
    proration_date: new Date(item.period_start).toISOString().slice(0, 10),
  };
}

// Credits

function creditPayer(ctx: HandlerContext, payerType: PayerType): string {
  return payerType === "user"
    ? findUser(ctx, param(ctx, "user_id")).id
    : findOrganization(ctx, param(ctx, "organization_id")).id;
}

const balanceOf = (ctx: HandlerContext, payerId: string): number =>
  [...ctx.store.creditLedger.values()].filter((e) => e.payer_id === payerId).reduce((sum, e) => sum + e.amount, 0);

function renderLedgerEntry(entry: {
  id: string;
  payer_id: string;
  amount: number;
  note: string | null;
  created_at: number;
}) {
  return {
    object: "commerce_credit_ledger",
    id: entry.id,
    payer_id: payerIdOf(entry.payer_id),
    amount: money(entry.amount),
    source_type: "manual_adjustment",
    source_id: entry.id,
    note: entry.note,
    created_at: new Date(entry.created_at).toISOString(),
  };
}

function getCredits(payerType: PayerType) {
  return (ctx: HandlerContext) => ({
    object: "commerce_credit_balance",
    balance: money(balanceOf(ctx, creditPayer(ctx, payerType))),
  });
}

function adjustCredits(payerType: PayerType) {
  return (ctx: HandlerContext) => {
    const payerId = creditPayer(ctx, payerType);
    const body = validateBody(ctx.body, {
      amount: { type: "integer", required: true, min: 1 },
      action: { type: "string", required: true, oneOf: ["increase", "decrease"] },
      currency: { type: "string", oneOf: ["USD"] },
      idempotency_key: { type: "string", required: true },
      note: { type: "string" },
    });
    const signed = (body["amount"] as number) * (body["action"] === "decrease" ? -1 : 1);
    const key = body["idempotency_key"] as string;
    const previous = [...ctx.store.creditLedger.values()].find(
      (e) => e.payer_id === payerId && e.idempotency_key === key,
    );
    if (previous) {
      // The same request again answers as the first time; a different one under the same key conflicts.
      if (previous.amount !== signed)
        throw new FakeApiError(409, [
          {
            code: "idempotency_key_conflict",
            message: "conflict",
            long_message: "This idempotency key was used for a different adjustment.",
            meta: {},
          },
        ]);
      return renderLedgerEntry(previous);
    }
    if (balanceOf(ctx, payerId) + signed < 0) throw formatInvalid("amount", "would take the credit balance below zero");
    const entry = {
      id: clerkId("ccl"),
      payer_id: payerId,
      amount: signed,
      idempotency_key: key,
      note: (body["note"] as string | undefined) ?? null,
      created_at: ctx.now(),
    };
    ctx.store.creditLedger.set(entry.id, entry);
    return renderLedgerEntry(entry);
  };
}

export const billingHandlers: Handlers = {
  GetCommercePlanList: listPlans,
  GetBillingPriceList: listPrices,
  GetUserBillingSubscription: subscriptionFor("user"),
  GetOrganizationBillingSubscription: subscriptionFor("org"),
  GetCommerceSubscriptionItemList: listItems,
  CancelCommerceSubscriptionItem: cancelItem,
  ExtendBillingSubscriptionItemFreeTrial: extendFreeTrial,
  GetUserBillingCreditBalance: getCredits("user"),
  AdjustUserBillingCreditBalance: adjustCredits("user"),
  GetOrganizationBillingCreditBalance: getCredits("org"),
  AdjustOrganizationBillingCreditBalance: adjustCredits("org"),
};
