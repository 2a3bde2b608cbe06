import { importSPKI, jwtVerify } from "jose";

// The floor: read the bearer token and check its RS256 signature and times with jose.
export async function authenticate(request: Request, jwtKey: string) {
  const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  const key = await importSPKI(jwtKey, "RS256");
  return jwtVerify(token, key, { algorithms: ["RS256"], clockTolerance: 5 });
}
