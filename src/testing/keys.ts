// The fake's RSA signing keys: GET /v1/jwks serves the public half, fake.jwtKey is its PEM
// (what Clerk's Dashboard shows), and session tokens are signed with it (RS256).
//
// The first key is a fixed 2048-bit test key written below, so `fake.jwtKey` is available
// at once without waiting for key generation. It is public knowledge: trust it nowhere but
// in tests. Each fake still names it with its own kid, and `rotateKeys()` replaces it with
// a freshly generated pair (WebCrypto), after which tokens signed before no longer match.
import { exportJWK, exportSPKI, generateKeyPair, importPKCS8, importSPKI, SignJWT, type JWTPayload } from "jose";
import { bytesToBase64 } from "./base64.js";

const TEST_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCROF6TRpQVS3b0
I3HsdXLthTHeMymOff0wDNF+yHHRpbQrlzKHraPrpZWQMsHj1du+LOSxaSPu9SnO
SV/kVlJmuyljgYjsdyEeQ+2TJc1FxSFsAFTJ2M0D9ilV85vsvk6eQWuGOvz+L8me
a17VJkCeUz/P3FfXpyDM5mpo3MOiOO2++RyGhhKZWce1PrTG1Awb+fftbx0OBi77
NprHots7iSvKJJYOymDd3Z9dbslcKO+AOFtUJMjRsMMtTxf7Xyp4MuiWmSyr3z3H
RGkFkA7sbOfLPVOW0oUKNTu8NAmZOU2UYl7KrOpXbNqMRAgj4HaEXkx+v9xxKSN5
ZmB0+Z2rAgMBAAECggEANJR1YdvPKDqvskvXJueLmkZ8vNhHdqlVb/1kKQSIeYEG
0DWpfQi47kyA77oBC+5V5vC4SSgpc47e+SsGBlXe9gVUQgwXuI6VtjCgJ4QrY9Sx
ejpQeNj/uix54P4YecqaCqDjPrHDAoHo/Wwg5Qo5oVnBJBDC2XlQ3f+bjaZJS0XH
vD2kcb3cdTAMO5xN4DeP9A/G8wl7xpvxIkaz9yOVBqIuSduW976yFxd3nCNicVnL
9smZgI1lw86+R32b5XykCdn6PjGglCMEhON7nv2caU/zHeFPgHFFovtYfJqr0Kgb
/GzQ17ANRV2kI6ORYbQxzlcOsRYzH7bZWbq9ruodgQKBgQDKgTeEyCf3rn2J16QK
KV3gjF4OHLewDQFp/7Hhwew4GhQPeHZaZlmHcf1qZhtzJ3SbXflZpsnpbwwOwfHM
FGk/cg56M4M37FA5W55Kv0zj3fhVi6MPDrx/+SXcW8QOdMv8p/HavkB+6nAIkx8e
AsFUatFI2HPatpF6BTJTXEfwawKBgQC3lSvXVm2S3QCgbtU+IZghZvuFUpKmXYhv
V1SJ6+bGD72T5fK1nkKXDYvKSzeEi5egvIw6N84BAAJx6qi0LsNTPwplxqdzuHQS
Q11a7tn/aDYwCCqwZcUxDG6WMYyIm7HOJoxmsss9dleWzl76XPWJv/Q0roTWli57
+WWhbltXwQKBgQCG7++kxRMM0fLJJS4jr0jk1ePel3g3EZN9pGpNusDC6W2wmV6U
AltqC6UHfx6Pbx0eYlJDUQZ+TAbG1qleicNQCZpoB2dKnmcesVQbDroXpNNTfYac
A//LbqOx4FwWHfHHW8mnLtsfNuyMaixz/PYCYGMwnTsl5D2wB0JvlbBCHQKBgQCE
MoYsfc9P15dw7/7cy+I6A2eR3SE/bdEmpFN7MgWvkHwquYaqZDl9fsKwPLPQ3Zil
pcCw16ifrbsU/y7W+WmsU5QQMBo7SZND54CdT6xpsEh9FBRxjAeQx2wG+c1CPiOu
2LF37r5OFx8BuMBKN5CUzkZzfUypHeKBYdlegxKBwQKBgH2wILYPn2HdiNjV5Hwh
6NslDI2grvrXvEQ9GhN8+8wp94vwDn9Lvpqy3ynEy4VINTxXqsYT/M99EZbPNNXs
KDJZtGQdOQLyYFgnn30o740e3eLO2UVXKaq2ENr+DPSdnXENMA0O497nk0MAa0Ty
gFp6ZFneCmGnJykqupVRvotA
-----END PRIVATE KEY-----`;

const TEST_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkThek0aUFUt29CNx7HVy
7YUx3jMpjn39MAzRfshx0aW0K5cyh62j66WVkDLB49XbvizksWkj7vUpzklf5FZS
ZrspY4GI7HchHkPtkyXNRcUhbABUydjNA/YpVfOb7L5OnkFrhjr8/i/Jnmte1SZA
nlM/z9xX16cgzOZqaNzDojjtvvkchoYSmVnHtT60xtQMG/n37W8dDgYu+zaax6Lb
O4kryiSWDspg3d2fXW7JXCjvgDhbVCTI0bDDLU8X+18qeDLolpksq989x0RpBZAO
7Gznyz1TltKFCjU7vDQJmTlNlGJeyqzqV2zajEQII+B2hF5Mfr/ccSkjeWZgdPmd
qwIDAQAB
-----END PUBLIC KEY-----`;

/** RSA algorithms jose can sign with the same key pair (Clerk itself uses RS256). */
export type RsaAlgorithm = "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512";

interface KeyPair {
  readonly kid: string;
  readonly publicPem: string;
  /** A private key per algorithm, imported on first use (WebCrypto keys are bound to one). */
  readonly privateFor: (alg: RsaAlgorithm) => Promise<CryptoKey>;
}

/** `load` once per algorithm, then the same key; `known` are keys already at hand. */
function perAlgorithm(
  load: (alg: RsaAlgorithm) => Promise<CryptoKey>,
  known: ReadonlyArray<[RsaAlgorithm, Promise<CryptoKey>]> = [],
): KeyPair["privateFor"] {
  const byAlg = new Map(known);
  return (alg) => {
    let key = byAlg.get(alg);
    if (!key) byAlg.set(alg, (key = load(alg)));
    return key;
  };
}

export class KeyRing {
  private current: KeyPair;
  private generation = 1;

  constructor(private readonly kidPrefix: string) {
    this.current = {
      kid: `${kidPrefix}_1`,
      publicPem: TEST_PUBLIC_KEY,
      privateFor: perAlgorithm((alg) => importPKCS8(TEST_PRIVATE_KEY, alg, { extractable: false })),
    };
  }

  /** The PEM public key of the current signing key. */
  get publicPem(): string {
    return this.current.publicPem;
  }

  get kid(): string {
    return this.current.kid;
  }

  /** Replaces the signing key with a new pair; the JWKS then serves only the new one. */
  async rotate(): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
    const publicPem = await exportSPKI(publicKey);
    this.generation += 1;
    const kid = `${this.kidPrefix}_${this.generation}`;
    const pkcs8 = crypto.subtle.exportKey("pkcs8", privateKey);
    this.current = {
      kid,
      publicPem,
      privateFor: perAlgorithm(
        (alg) => pkcs8.then((der) => importPKCS8(toPem(der, "PRIVATE KEY"), alg)),
        [["RS256", Promise.resolve(privateKey)]],
      ),
    };
  }

  /** The JWKS document ({ keys: [RSA public JWK] }) Clerk serves at /v1/jwks. */
  async jwks(): Promise<{ keys: Record<string, unknown>[] }> {
    const publicKey = await importSPKI(this.current.publicPem, "RS256", { extractable: true });
    const jwk = await exportJWK(publicKey);
    return { keys: [{ use: "sig", kty: "RSA", kid: this.current.kid, alg: "RS256", n: jwk.n, e: jwk.e }] };
  }

  /** A compact JWS of `payload`, with this key's kid. */
  async sign(payload: JWTPayload, alg: RsaAlgorithm = "RS256"): Promise<string> {
    const key = await this.current.privateFor(alg);
    return new SignJWT(payload).setProtectedHeader({ alg, kid: this.current.kid, typ: "JWT" }).sign(key);
  }
}

function toPem(der: ArrayBuffer, label: string): string {
  const body = bytesToBase64(der)
    .replace(/(.{64})/g, "$1\n")
    .trim();
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
}
