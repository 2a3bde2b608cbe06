// Testing tokens: what Clerk's Playwright/Cypress helpers pass to bypass bot protection.
// Clerk's look like "<unix seconds>-<secret>" and last about a day.
import type { HandlerContext, Handlers } from "../context.js";
import { secret } from "../ids.js";

const LIFETIME_S = 86_400;

function createTestingToken(ctx: HandlerContext) {
  const now = Math.floor(ctx.now() / 1000);
  return { object: "testing_token", token: `${now}-${secret("", 43)}`, expires_at: now + LIFETIME_S };
}

export const testingTokenHandlers: Handlers = { CreateTestingToken: createTestingToken };
