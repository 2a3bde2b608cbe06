import { verifyToken } from "../../../src/auth/local.js";

// Networkless: verify a token you already extracted with the PEM public key.
export function authenticate(request: Request, jwtKey: string) {
  const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  return verifyToken(token, { jwtKey });
}
