import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from "jose";
import { Webhook } from "svix";

/** Everything a runtime needs to run the scenarios; plain JSON so it crosses process and isolate borders. */
export interface SmokeFixtures {
  runtime: string;
  /** The runtime resolves the package's "node" condition (Node, Deno, Bun run it as installed); bundles for browsers and workers do not. */
  nodeEntry?: boolean;
  serverUrl: string;
  secretKey: string;
  sessionToken: string;
  forgedToken: string;
  sessionUserId: string;
  authorizedParty: string;
  jwtPublicKeyPem: string;
  webhook: { secret: string; body: string; headers: Record<string, string> };
}

export interface Keys {
  readonly jwks: { keys: unknown[] };
  readonly fixtures: Omit<SmokeFixtures, "runtime" | "serverUrl">;
}

const KID = "ins_smoke_key";

/** Real RS256 keys and tokens made with jose, and a delivery signed by the svix library. */
export async function makeKeys(): Promise<Keys> {
  const secretKey = "sk_test_runtime_smoke_0123456789";
  const sessionUserId = "user_session_smoke";
  const authorizedParty = "https://app.example.test";
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const other = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: KID, alg: "RS256", use: "sig" };
  const session = (key: CryptoKey) =>
    new SignJWT({ sid: "sess_smoke", azp: authorizedParty, v: 2 })
      .setProtectedHeader({ alg: "RS256", kid: KID, typ: "JWT" })
      .setSubject(sessionUserId)
      .setIssuer("https://clerk.example.test")
      .setIssuedAt()
      .setNotBefore("0s")
      .setExpirationTime("1h")
      .sign(key);

  const webhookSecret = `whsec_${Buffer.from("runtime-smoke-webhook-secret-32b").toString("base64")}`;
  const body = JSON.stringify({
    type: "user.created",
    object: "event",
    data: { id: "user_webhook", object: "user" },
    timestamp: Date.now(),
    instance_id: "ins_smoke",
  });
  const messageId = "msg_smoke_1";
  const sentAt = new Date();
  const signature = new Webhook(webhookSecret).sign(messageId, sentAt, body);

  return {
    jwks: { keys: [jwk] },
    fixtures: {
      secretKey,
      sessionToken: await session(privateKey),
      forgedToken: await session(other.privateKey),
      sessionUserId,
      authorizedParty,
      jwtPublicKeyPem: await exportSPKI(publicKey),
      webhook: {
        secret: webhookSecret,
        body,
        headers: {
          "svix-id": messageId,
          "svix-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
          "svix-signature": signature,
          "content-type": "application/json",
        },
      },
    },
  };
}
