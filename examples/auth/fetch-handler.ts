// The Fetch-handler example in docs/auth.md (Workers, Deno, Bun, Next.js route handlers, Hono's c.req.raw).
import { authenticateRequest } from "../../src/auth/index.js";

export interface Env {
  CLERK_SECRET_KEY: string;
  CLERK_JWT_KEY?: string;
}

export async function handle(request: Request, env: Env): Promise<Response> {
  const state = await authenticateRequest(request, {
    secretKey: env.CLERK_SECRET_KEY,
    jwtKey: env.CLERK_JWT_KEY, // optional: verify without any network call
    authorizedParties: ["https://app.example.com"],
  });
  if (!state.isAuthenticated) {
    return Response.json({ error: state.reason }, { status: 401 });
  }
  const auth = state.toAuth();
  return Response.json({ userId: auth.userId, orgId: auth.orgId });
}
