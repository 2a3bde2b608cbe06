// The Backend API scenarios, run against the harness's local stand-in server.
// `lib` holds what the runtime entry imported from clerk-fn (package name and subpaths).
import { check, errorOf, sameJson, valueOf } from "./check.mjs";

export function apiScenarios(lib, fx) {
  // Each run gets its own ids so runtimes sharing one server never see each other's state.
  const run = `${fx.runtime}-${Math.random().toString(36).slice(2, 10)}`;
  const core = (extra = {}) =>
    new lib.ClerkCore({
      bearerAuth: fx.secretKey,
      serverUrl: fx.serverUrl,
      retryConfig: { strategy: "none" },
      ...extra,
    });

  return {
    "GET with path params": async () => {
      // Characters that would change the path if not percent-encoded stay in one segment.
      const userId = `user_${run}/../a b?c#d`;
      const user = valueOf(await lib.usersGet(core(), { userId }), "usersGet");
      check(user.id === userId, `server saw user id ${JSON.stringify(user.id)}`);
      check(user.firstName === "Grace" && user.createdAt === 1700000000000, "camelCase model fields");
    },

    "list with array query params": async () => {
      const userId = [`user_${run}_1`, `user_${run}_2`, "a,b&c=d"];
      const users = valueOf(await lib.usersList(core(), { userId, limit: 3, orderBy: "-created_at" }), "usersList");
      sameJson(
        users.map((u) => u.id),
        userId,
        "ids echoed from exploded user_id params",
      );
    },

    "create with JSON body": async () => {
      const publicMetadata = { camelKey: 1, snake_key: { "Mixed-Key": [true] } };
      const requestBody = {
        firstName: "Ada",
        externalId: `ext_${run}`,
        emailAddress: ["ada@example.com"],
        publicMetadata,
      };
      const user = valueOf(await lib.usersCreate(core(), { requestBody }), "usersCreate");
      check(
        user.firstName === "Ada" && user.externalId === `ext_${run}`,
        "body fields sent as snake_case and read back",
      );
      sameJson(
        user.emailAddresses.map((e) => e.emailAddress),
        ["ada@example.com"],
        "email addresses",
      );
      sameJson(user.publicMetadata, publicMetadata, "free-form metadata untouched both ways");
    },

    "404 ClerkErrors result": async () => {
      const result = await lib.usersGet(core(), { userId: "user_missing" });
      const error = errorOf(result, "ClerkErrors", "usersGet on a missing user");
      check(error instanceof lib.ClerkErrors, "instanceof ClerkErrors from clerk-fn/errors");
      check(error.statusCode === 404, `statusCode ${error.statusCode}`);
      check(error.data.errors[0].code === "resource_not_found", "Clerk error code");
      check(error.data.clerkTraceId === "trace_smoke", "trace id");
      check(!JSON.stringify(error).includes(fx.secretKey), "secret key absent from JSON.stringify(error)");
    },

    "Node's inspect view of errors: from the Node entries only": async () => {
      const result = await lib.usersGet(core(), { userId: "user_missing" });
      const error = errorOf(result, "ClerkErrors", "usersGet on a missing user");
      const view = error[Symbol.for("nodejs.util.inspect.custom")];
      const expected = fx.nodeEntry ? "function" : "undefined";
      check(typeof view === expected, `inspect view is ${typeof view}, expected ${expected}`);
      if (view) {
        // Called as util.inspect would call it, with a stand-in for inspect itself.
        const text = view.call(error, 2, {}, (fields) => JSON.stringify(fields));
        check(text.startsWith(`ClerkErrors: ${error.message}`), `view starts with the stack: ${text.slice(0, 120)}`);
        check(
          text.includes('"statusCode":404') && !text.includes(fx.secretKey),
          `view shows the toJSON fields: ${text}`,
        );
      }
    },

    "retry after 503": async () => {
      const retries = {
        strategy: "backoff",
        backoff: { initialInterval: 20, maxInterval: 100, exponent: 1.5, maxElapsedTime: 5000 },
        retryConnectionErrors: true,
      };
      const userId = `flaky_${run}`;
      const user = valueOf(await lib.usersGet(core(), { userId }, { retries }), "usersGet after a 503");
      // The server counts attempts per id and answers the second one.
      check(user.id === userId && user.firstName === "attempt 2", `answered by ${user.firstName}`);
    },

    timeout: async () => {
      const result = await lib.usersGet(core({ timeoutMs: 150 }), { userId: `hang_${run}` });
      const error = errorOf(result, "RequestTimeoutError", "usersGet on a server that never answers");
      check(error instanceof lib.RequestTimeoutError, "instanceof RequestTimeoutError");
    },

    "Result helpers": async () => {
      check(lib.unwrap(lib.ok(42)) === 42, "unwrap(ok(42))");
      const failed = lib.err(new Error("boom"));
      check(failed.ok === false && failed.error.message === "boom", "err() shape");
    },
  };
}
