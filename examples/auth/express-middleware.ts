// The Express example in docs/auth.md: req.headers is Node's header record, used as is.
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateRequest, type AuthObject } from "../../src/auth/index.js";

type Req = IncomingMessage & { auth?: AuthObject };
type Next = (error?: unknown) => void;

export function requireAuth(options: { secretKey: string; serverUrl?: string }) {
  return async (req: Req, res: ServerResponse, next: Next) => {
    const state = await authenticateRequest(req, {
      ...options,
      acceptsToken: ["session_token", "api_key"],
    });
    if (!state.isAuthenticated) {
      res.statusCode = 401;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ error: state.reason }));
      return;
    }
    req.auth = state.toAuth();
    next();
  };
}
