// clerk-fn/testing: an in-process, stateful fake of Clerk's Backend API for tests.
// Not part of the root `clerk-fn` entry: an app that does not import it never loads it.
export { createClerkFake } from "./fake.js";
export type {
  ClerkFake,
  ClerkFakeOptions,
  FakeServer,
  IssueOAuthAccessTokenOptions,
  ListenOptions,
  RecordedRequest,
} from "./fake.js";
export type { FailNextOptions, RateLimitOptions } from "./faults.js";
export type { Seed, SeedOrganization, SeedUser } from "./seed.js";
export type { SeedBilling, SeedBillingPlan, SeedBillingSubscription } from "./handlers/billing.js";
export type { SeedUserAccounts } from "./handlers/user-factors.js";
export { MODELLED_OPERATIONS } from "./dispatch.js";
export type { SignSessionTokenOptions } from "./session-token.js";
export type { RsaAlgorithm } from "./keys.js";
export type { WebhookDelivery, WebhookOptions } from "./webhooks.js";
export { WEBHOOK_EVENT_TYPES } from "./webhooks.js";
