// clerk-fn demo: `npm run demo`.
// Without CLERK_SECRET_KEY it serves clerk-fn/testing's Clerk fake on 127.0.0.1
// (fake.listen()) and calls it over HTTP; with CLERK_SECRET_KEY set it calls the
// real API (read-only calls only).
import { ClerkCore, logTo, withHooks } from "../src/core.js";
import { usersCount } from "../src/funcs/usersCount.js";
import { usersGet } from "../src/funcs/usersGet.js";
import { usersList } from "../src/funcs/usersList.js";
import { createClerkFake } from "../src/testing/index.js";
import type { Result } from "../src/types/index.js";
import { closedPortUrl } from "./closed-port.js";

const realKey = process.env["CLERK_SECRET_KEY"];

/** The fake, seeded with two users; it answers GetUsersCount with 503 once to show a retry. */
async function startFake() {
  const fake = createClerkFake({
    secretKey: "sk_test_demo_standin_key",
    seed: {
      users: [
        {
          id: "user_2alan",
          firstName: "Alan",
          lastName: "Turing",
          emailAddresses: ["alan@example.com"],
          createdAt: "2026-01-14T00:00:00Z",
        },
        {
          id: "user_2ada",
          firstName: "Ada",
          lastName: "Lovelace",
          emailAddresses: ["ada@example.com"],
          createdAt: "2026-01-15T00:00:00Z",
          publicMetadata: { plan_tier: "pro", "Team-Name": "Analytical Engines" },
        },
      ],
    },
  });
  fake.failNext({ operationId: "GetUsersCount", status: 503 });
  return { fake, server: await fake.listen() };
}

const standIn = realKey ? undefined : await startFake();

const clerk = new ClerkCore({
  bearerAuth: realKey ?? "sk_test_demo_standin_key",
  ...(standIn ? { serverUrl: standIn.server.url } : {}),
  // Short waits so the demo's retry is quick; the default starts at 500 ms.
  retryConfig: {
    strategy: "backoff",
    backoff: { initialInterval: 100, maxInterval: 1_000, exponent: 1.5, maxElapsedTime: 10_000 },
  },
  timeoutMs: 10_000,
  // Set DEBUG=1 to see one redacted line per attempt.
  debugLogger: process.env["DEBUG"] ? logTo(console) : undefined,
  hooks: withHooks({
    afterError(ctx, response) {
      if (response) console.log(`  (hook: attempt ${ctx.attempt} of ${ctx.operationId} got HTTP ${response.status})`);
    },
  }),
});

console.log(
  standIn
    ? `Using a local stand-in Clerk API at ${standIn.server.url} (clerk-fn/testing's fake)\n`
    : "Using the real Clerk Backend API (CLERK_SECRET_KEY is set)\n",
);

function show<T>(title: string, result: Result<T, Error>, describe: (value: T) => string): void {
  console.log(`● ${title}`);
  if (result.ok) {
    console.log(`  ok: ${describe(result.value)}\n`);
  } else {
    const e = result.error as Error & {
      statusCode?: number;
      data?: { errors: { code: string }[]; clerkTraceId?: string };
    };
    console.log(`  error: ${e.name}${e.statusCode ? ` (HTTP ${e.statusCode})` : ""}`);
    if (e.data)
      console.log(`  codes: ${e.data.errors.map((x) => x.code).join(", ")}; trace: ${e.data.clerkTraceId ?? "-"}`);
    console.log(`  message: ${e.message}\n`);
  }
}

const list = await usersList(clerk, { limit: 2, orderBy: "-created_at" });
show("usersList({ limit: 2 })", list, (users) =>
  users
    .map(
      (u) =>
        `${u.id} ${u.firstName ?? ""} ${u.lastName ?? ""} <${u.emailAddresses[0]?.emailAddress}> metadata=${JSON.stringify(u.publicMetadata)}`,
    )
    .join("\n      "),
);

const count = await usersCount(clerk);
show(
  "usersCount() — the fake answers 503 once (fake.failNext); the call is retried",
  count,
  (c) => `${c.totalCount} users`,
);

const first = list.ok ? list.value[0] : undefined;
if (first) {
  const one = await usersGet(clerk, { userId: first.id });
  show(
    `usersGet({ userId: "${first.id}" })`,
    one,
    (u) => `${u.firstName} ${u.lastName}, created ${new Date(u.createdAt).toISOString()}`,
  );
}

const missing = await usersGet(clerk, { userId: "user_does_not_exist" });
show('usersGet({ userId: "user_does_not_exist" }) — an error Result, not an exception', missing, () => "unexpected");

const invalid = await usersList(clerk, { limit: 0 });
show("usersList({ limit: 0 }) — rejected before sending", invalid, () => "unexpected");

const unreachable = await usersCount(
  new ClerkCore({ serverUrl: await closedPortUrl(), retryConfig: { strategy: "none" } }),
);
show("usersCount() against a closed port", unreachable, () => "unexpected");

await standIn?.server.close();
