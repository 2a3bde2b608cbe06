import { authenticateRequest } from "../../../src/auth/local.js";

// Networkless: the PEM public key (CLERK_JWT_KEY) verifies the session token.
export function authenticate(request: Request, jwtKey: string) {
  return authenticateRequest(request, { jwtKey });
}
