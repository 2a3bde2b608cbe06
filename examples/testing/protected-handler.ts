// A Fetch handler (Workers, Deno, Bun, Next.js route handlers, Hono's c.req.raw) whose
// routes are protected by authenticateRequest, and which reads the caller's profile through
// clerk-fn. Its test (protected-handler.test.ts) runs it end to end against clerk-fn/testing's
// fake, with no network. In an app, import from "clerk-fn/auth", "clerk-fn/core", "clerk-fn/funcs/…".
import { authenticateRequest } from "../../src/auth/index.js";
import { ClerkCore } from "../../src/core.js";
import { usersGet } from "../../src/funcs/usersGet.js";

export interface AppEnv {
  readonly secretKey: string;
  /** Only for tests: point clerk-fn at the fake (`fake.serverUrl`, `fake.fetch`). */
  readonly serverUrl?: string;
  readonly fetch?: typeof fetch;
  readonly authorizedParties?: string[];
}

export function createApp(env: AppEnv): (request: Request) => Promise<Response> {
  const clerk = new ClerkCore({ bearerAuth: env.secretKey, serverUrl: env.serverUrl, fetch: env.fetch });

  return async function handle(request: Request): Promise<Response> {
    const state = await authenticateRequest(request, {
      core: clerk,
      secretKey: env.secretKey,
      authorizedParties: env.authorizedParties,
      acceptsToken: ["session_token", "api_key"],
    });
    if (!state.isAuthenticated) return Response.json({ error: state.reason }, { status: 401 });
    const auth = state.toAuth();
    const path = new URL(request.url).pathname;

    if (path === "/me") {
      if (!auth.userId) return Response.json({ error: "not a user" }, { status: 403 });
      const user = await usersGet(clerk, { userId: auth.userId });
      if (!user.ok) return Response.json({ error: user.error.name }, { status: 502 });
      const email = user.value.emailAddresses.find((e) => e.id === user.value.primaryEmailAddressId)?.emailAddress;
      return Response.json({ id: user.value.id, name: user.value.firstName, email, via: auth.tokenType });
    }

    if (path === "/invoices") {
      const permissions = auth.tokenType === "session_token" ? (auth.orgPermissions ?? []) : [];
      if (!permissions.includes("org:invoices:read")) return Response.json({ error: "forbidden" }, { status: 403 });
      return Response.json({ orgId: auth.tokenType === "session_token" ? auth.orgId : null, invoices: [] });
    }
    return Response.json({ error: "not found" }, { status: 404 });
  };
}
