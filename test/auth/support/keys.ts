import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type JWK } from "jose";

/** A freshly generated signing key pair, with its public forms ready to serve. */
export interface TestKey {
  readonly kid: string;
  readonly alg: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** Armored SPKI PEM of the public key. */
  readonly pem: string;
  /** The PEM body alone, as Clerk's dashboard also shows it. */
  readonly bareBase64: string;
  readonly jwk: JWK;
}

let counter = 0;

export async function makeKey(alg: "RS256" | "RS384" | "RS512" | "ES256" = "RS256"): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `ins_test_${alg.toLowerCase()}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const pem = await exportSPKI(publicKey);
  const bareBase64 = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, "").replace(/\s+/g, "");
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
  return { kid, alg, privateKey, publicKey, pem, bareBase64, jwk };
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Standard claims of a valid session token; override any of them per test. */
export function sessionClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = nowSeconds();
  return {
    sub: "user_2abcdefghijklmnopqrstuvwxyz",
    sid: "sess_2abcdefghijklmnopqrstuvwxyz",
    iss: "https://clerk.example.test",
    azp: "https://app.example.test",
    iat: now - 10,
    nbf: now - 10,
    exp: now + 60,
    ...overrides,
  };
}

/** Signs claims as Clerk does (kid, alg, typ JWT) unless the header says otherwise. */
export async function signToken(
  key: TestKey,
  claims: Record<string, unknown> = sessionClaims(),
  header: Record<string, unknown> = {},
): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT", ...header });
  return jwt.sign(key.privateKey);
}
