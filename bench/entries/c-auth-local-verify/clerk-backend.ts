import { verifyToken } from "@clerk/backend";

// The lighter @clerk/backend path: verify a token you already extracted.
export function authenticate(request: Request, jwtKey: string) {
  const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  return verifyToken(token, { jwtKey });
}
