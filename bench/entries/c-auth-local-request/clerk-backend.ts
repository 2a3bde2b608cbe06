import { createClerkClient } from "@clerk/backend";

// authenticateRequest is only reachable through the client in @clerk/backend.
export function authenticate(request: Request, jwtKey: string, publishableKey: string) {
  const clerk = createClerkClient({ jwtKey, publishableKey });
  return clerk.authenticateRequest(request, { jwtKey });
}
