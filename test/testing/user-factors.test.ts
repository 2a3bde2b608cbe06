// A user's factors and linked accounts, bulk bans and what banning does to sessions, through
// the public clerk-fn functions against the fake in-process (every body checked against the spec).
import { describe, expect, it } from "vitest";
import { sessionsCreate } from "../../src/funcs/sessionsCreate.js";
import { sessionsCreateToken } from "../../src/funcs/sessionsCreateToken.js";
import { sessionsGet } from "../../src/funcs/sessionsGet.js";
import { sessionsRefresh } from "../../src/funcs/sessionsRefresh.js";
import { usersBan } from "../../src/funcs/usersBan.js";
import { usersBulkBan } from "../../src/funcs/usersBulkBan.js";
import { usersBulkUnban } from "../../src/funcs/usersBulkUnban.js";
import { usersCreate } from "../../src/funcs/usersCreate.js";
import { usersDeleteBackupCodes } from "../../src/funcs/usersDeleteBackupCodes.js";
import { usersDeleteExternalAccount } from "../../src/funcs/usersDeleteExternalAccount.js";
import { usersDeletePasskey } from "../../src/funcs/usersDeletePasskey.js";
import { usersDeleteProfileImage } from "../../src/funcs/usersDeleteProfileImage.js";
import { usersDeleteTOTP } from "../../src/funcs/usersDeleteTOTP.js";
import { usersDeleteWeb3Wallet } from "../../src/funcs/usersDeleteWeb3Wallet.js";
import { usersDisableMfa } from "../../src/funcs/usersDisableMfa.js";
import { usersGet } from "../../src/funcs/usersGet.js";
import { usersGetOAuthAccessToken } from "../../src/funcs/usersGetOAuthAccessToken.js";
import { usersListTrustedDevices } from "../../src/funcs/usersListTrustedDevices.js";
import { usersRemovePassword } from "../../src/funcs/usersRemovePassword.js";
import { usersRevokeTrustedDevice } from "../../src/funcs/usersRevokeTrustedDevice.js";
import { usersSetPasswordCompromised } from "../../src/funcs/usersSetPasswordCompromised.js";
import { usersSetProfileImage } from "../../src/funcs/usersSetProfileImage.js";
import { usersUnsetPasswordCompromised } from "../../src/funcs/usersUnsetPasswordCompromised.js";
import { usersUpdate } from "../../src/funcs/usersUpdate.js";
import { usersVerifyPassword } from "../../src/funcs/usersVerifyPassword.js";
import { usersVerifyTotp } from "../../src/funcs/usersVerifyTotp.js";
import { harness, useSpecCheck } from "./support/checked.js";
import { clerkErrorOf, unwrapOk } from "./support/results.js";

useSpecCheck("user-factors.test.ts");

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" (base32 below) gives 94287082
// (8 digits) at T = 59 s, so 287082 with 6 digits; 1111111109 s gives 07081804 -> 081804.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("user factors", () => {
  it("verifies the password the user was created and updated with, and refuses others", async () => {
    const { core } = harness();
    const user = unwrapOk(
      await usersCreate(core, { requestBody: { emailAddress: ["pw@example.com"], password: "first password" } }),
    );
    expect(
      unwrapOk(await usersVerifyPassword(core, { userId: user.id, requestBody: { password: "first password" } })),
    ).toEqual({ verified: true });
    const wrong = clerkErrorOf(
      await usersVerifyPassword(core, { userId: user.id, requestBody: { password: "nope nope" } }),
    );
    expect(wrong.statusCode).toBe(422);
    unwrapOk(await usersUpdate(core, { userId: user.id, requestBody: { password: "second password" } }));
    expect(
      clerkErrorOf(await usersVerifyPassword(core, { userId: user.id, requestBody: { password: "first password" } }))
        .statusCode,
    ).toBe(422);
    expect(
      unwrapOk(await usersVerifyPassword(core, { userId: user.id, requestBody: { password: "second password" } }))
        .verified,
    ).toBe(true);
    const removed = unwrapOk(await usersRemovePassword(core, { userId: user.id, requestBody: {} }));
    expect(removed.passwordEnabled).toBe(false);
    const unset = clerkErrorOf(
      await usersVerifyPassword(core, { userId: user.id, requestBody: { password: "second password" } }),
    );
    expect(unset.statusCode).toBe(400);
    expect(
      clerkErrorOf(await usersVerifyPassword(core, { userId: "user_missing", requestBody: { password: "x" } }))
        .statusCode,
    ).toBe(404);
  });

  it("verifies a TOTP code made from the user's secret (RFC 6238 vector) and consumes backup codes once", async () => {
    let now = new Date(59_000);
    const { core } = harness({ now: () => now });
    const user = unwrapOk(
      await usersCreate(core, {
        requestBody: {
          emailAddress: ["totp@example.com"],
          totpSecret: RFC_SECRET,
          backupCodes: ["backup-1", "backup-2"],
        },
      }),
    );
    expect(user).toMatchObject({ totpEnabled: true, backupCodeEnabled: true, twoFactorEnabled: true });
    expect(unwrapOk(await usersVerifyTotp(core, { userId: user.id, requestBody: { code: "287082" } }))).toEqual({
      verified: true,
      codeType: "totp",
    });
    now = new Date(1_111_111_109_000);
    expect(unwrapOk(await usersVerifyTotp(core, { userId: user.id, requestBody: { code: "081804" } })).codeType).toBe(
      "totp",
    );
    expect(
      clerkErrorOf(await usersVerifyTotp(core, { userId: user.id, requestBody: { code: "287082" } })).statusCode,
    ).toBe(422);
    expect(unwrapOk(await usersVerifyTotp(core, { userId: user.id, requestBody: { code: "backup-1" } }))).toEqual({
      verified: true,
      codeType: "backup_code",
    });
    expect(
      clerkErrorOf(await usersVerifyTotp(core, { userId: user.id, requestBody: { code: "backup-1" } })).statusCode,
    ).toBe(422);

    expect(unwrapOk(await usersDeleteTOTP(core, { userId: user.id }))).toEqual({ userId: user.id });
    expect(unwrapOk(await usersGet(core, { userId: user.id }))).toMatchObject({
      totpEnabled: false,
      backupCodeEnabled: true,
      twoFactorEnabled: true,
    });
    unwrapOk(await usersDeleteBackupCodes(core, { userId: user.id }));
    const after = unwrapOk(await usersGet(core, { userId: user.id }));
    expect(after).toMatchObject({
      totpEnabled: false,
      backupCodeEnabled: false,
      twoFactorEnabled: false,
      mfaEnabledAt: null,
    });
    expect(after.mfaDisabledAt).toBe(now.getTime());
    expect(
      clerkErrorOf(await usersVerifyTotp(core, { userId: user.id, requestBody: { code: "backup-2" } })).statusCode,
    ).toBe(400);
  });

  it("DisableMFA removes TOTP and backup codes at once; a bad TOTP secret is refused at creation", async () => {
    const { core, fake } = harness();
    const user = unwrapOk(
      await usersCreate(core, {
        requestBody: { totpSecret: RFC_SECRET, backupCodes: ["b"], emailAddress: ["m@example.com"] },
      }),
    );
    unwrapOk(await usersDisableMfa(core, { userId: user.id }));
    expect(unwrapOk(await usersGet(core, { userId: user.id }))).toMatchObject({
      totpEnabled: false,
      backupCodeEnabled: false,
    });
    const bad = clerkErrorOf(
      await usersCreate(core, { requestBody: { totpSecret: "not base32!", emailAddress: ["n@example.com"] } }),
    );
    expect(bad.statusCode).toBe(422);
    expect(fake.requests.at(-1)?.status).toBe(422);
  });

  it("sets the profile image from a multipart upload and deletes it", async () => {
    const { core, fake } = harness();
    const user = unwrapOk(await usersCreate(core, { requestBody: { emailAddress: ["img@example.com"] } }));
    expect(user.hasImage).toBe(false);
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" });
    const withImage = unwrapOk(await usersSetProfileImage(core, { userId: user.id, requestBody: { file: png } }));
    expect(withImage.hasImage).toBe(true);
    expect(withImage.imageUrl).toMatch(/^https:\/\/img\.clerk\.com\//);
    expect(fake.requests.at(-1)?.body).toMatchObject({ file: { size: 4, type: "image/png" } });
    const without = unwrapOk(await usersDeleteProfileImage(core, { userId: user.id }));
    expect(without.hasImage).toBe(false);
  });

  it("deletes seeded web3 wallets, passkeys and external accounts, and reads OAuth access tokens", async () => {
    const { core } = harness({
      seed: {
        users: [
          {
            id: "user_linked",
            emailAddresses: ["linked@example.com"],
            web3Wallets: ["0x0123456789abcdef0123456789abcdef01234567"],
            passkeys: [{ name: "MacBook" }],
            externalAccounts: [
              { provider: "oauth_google", emailAddress: "linked@gmail.com", accessToken: "ya29.fake" },
            ],
          },
        ],
      },
    });
    const user = unwrapOk(await usersGet(core, { userId: "user_linked" }));
    expect(user.web3Wallets.map((w) => w.web3Wallet)).toEqual(["0x0123456789abcdef0123456789abcdef01234567"]);
    expect(user.primaryWeb3WalletId).toBe(user.web3Wallets[0]?.id);
    expect(user.passkeys.map((p) => p.name)).toEqual(["MacBook"]);
    expect(user.externalAccounts.map((a) => a.provider)).toEqual(["oauth_google"]);

    const tokens = unwrapOk(await usersGetOAuthAccessToken(core, { userId: user.id, provider: "oauth_google" }));
    expect(Array.isArray(tokens) ? tokens.map((t) => t.token) : []).toEqual(["ya29.fake"]);
    const none = unwrapOk(await usersGetOAuthAccessToken(core, { userId: user.id, provider: "oauth_github" }));
    expect(none).toEqual([]);

    const walletId = user.web3Wallets[0]?.id ?? "";
    expect(
      unwrapOk(await usersDeleteWeb3Wallet(core, { userId: user.id, web3WalletIdentificationId: walletId })),
    ).toMatchObject({ deleted: true, id: walletId });
    expect(
      clerkErrorOf(await usersDeleteWeb3Wallet(core, { userId: user.id, web3WalletIdentificationId: walletId }))
        .statusCode,
    ).toBe(404);
    unwrapOk(await usersDeletePasskey(core, { userId: user.id, passkeyIdentificationId: user.passkeys[0]?.id ?? "" }));
    unwrapOk(
      await usersDeleteExternalAccount(core, {
        userId: user.id,
        externalAccountId: user.externalAccounts[0]?.id ?? "",
      }),
    );
    const after = unwrapOk(await usersGet(core, { userId: user.id }));
    expect([after.web3Wallets, after.passkeys, after.externalAccounts]).toEqual([[], [], []]);
    expect(after.primaryWeb3WalletId).toBeNull();
  });

  it("lists and revokes seeded trusted devices", async () => {
    const { core } = harness({
      seed: {
        users: [
          {
            id: "user_devices",
            trustedDevices: [{ platform: "ios", appIdentifier: "com.example.app", name: "Phone" }],
          },
        ],
      },
    });
    const listed = unwrapOk(await usersListTrustedDevices(core, { userId: "user_devices" }));
    expect(listed.totalCount).toBe(1);
    const device = listed.data[0];
    expect(device).toMatchObject({ platform: "ios", status: "active", algorithm: "ES256" });
    const revoked = unwrapOk(
      await usersRevokeTrustedDevice(core, { userId: "user_devices", trustedDeviceId: device?.id ?? "" }),
    );
    expect(revoked.status).toBe("revoked");
    expect(
      clerkErrorOf(await usersRevokeTrustedDevice(core, { userId: "user_devices", trustedDeviceId: "td_missing" }))
        .statusCode,
    ).toBe(404);
  });

  it("marks a password compromised (optionally revoking sessions) and clears the mark", async () => {
    const { core } = harness();
    const user = unwrapOk(
      await usersCreate(core, { requestBody: { emailAddress: ["c@example.com"], password: "a good password" } }),
    );
    const session = unwrapOk(await sessionsCreate(core, { requestBody: { userId: user.id } }));
    unwrapOk(await usersSetPasswordCompromised(core, { userId: user.id, requestBody: {} }));
    expect(unwrapOk(await sessionsGet(core, { sessionId: session.id })).status).toBe("active");
    unwrapOk(await usersSetPasswordCompromised(core, { userId: user.id, requestBody: { revokeAllSessions: true } }));
    expect(unwrapOk(await sessionsGet(core, { sessionId: session.id })).status).toBe("revoked");
    unwrapOk(await usersUnsetPasswordCompromised(core, { userId: user.id }));
    const nopw = unwrapOk(await usersCreate(core, { requestBody: { emailAddress: ["d@example.com"] } }));
    expect(clerkErrorOf(await usersSetPasswordCompromised(core, { userId: nopw.id, requestBody: {} })).statusCode).toBe(
      400,
    );
  });
});

describe("banning", () => {
  it("banning a user revokes every active session (no token for them afterwards)", async () => {
    const { core, fake } = harness();
    const user = unwrapOk(await usersCreate(core, { requestBody: { emailAddress: ["ban@example.com"] } }));
    const first = unwrapOk(await sessionsCreate(core, { requestBody: { userId: user.id } }));
    const second = unwrapOk(await sessionsCreate(core, { requestBody: { userId: user.id } }));
    unwrapOk(await usersBan(core, { userId: user.id }));
    for (const session of [first, second])
      expect(unwrapOk(await sessionsGet(core, { sessionId: session.id })).status).toBe("revoked");
    expect(clerkErrorOf(await sessionsCreateToken(core, { sessionId: first.id, requestBody: {} })).statusCode).toBe(
      404,
    );
    expect(fake.requests.map((r) => r.operationId)).toContain("BanUser");
  });

  it("bans and unbans many users at once; an unknown id changes nobody", async () => {
    const { core, fake } = harness();
    const a = unwrapOk(await usersCreate(core, { requestBody: { emailAddress: ["a@example.com"] } }));
    const b = unwrapOk(await usersCreate(core, { requestBody: { emailAddress: ["b@example.com"] } }));
    const session = unwrapOk(await sessionsCreate(core, { requestBody: { userId: b.id } }));
    const refused = clerkErrorOf(await usersBulkBan(core, { requestBody: { userIds: [a.id, "user_missing"] } }));
    expect(refused.statusCode).toBe(400);
    expect(unwrapOk(await usersGet(core, { userId: a.id })).banned).toBe(false);
    const banned = unwrapOk(await usersBulkBan(core, { requestBody: { userIds: [a.id, b.id] } }));
    expect(banned.map((u) => [u.id, u.banned])).toEqual([
      [a.id, true],
      [b.id, true],
    ]);
    expect(unwrapOk(await sessionsGet(core, { sessionId: session.id })).status).toBe("revoked");
    const unbanned = unwrapOk(await usersBulkUnban(core, { requestBody: { userIds: [a.id] } }));
    expect(unbanned[0]?.banned).toBe(false);
    // clerk-fn refuses an empty list before sending; the fake refuses it too.
    const empty = await fake.fetch(`${fake.serverUrl}/users/ban`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.secretKey}`, "content-type": "application/json" },
      body: JSON.stringify({ user_ids: [] }),
    });
    expect(empty.status).toBe(422);
  });
});

describe("RefreshSession", () => {
  it("gives a new token for the session in exchange for its expired one, as a token or a cookie", async () => {
    let now = new Date("2026-01-01T00:00:00Z");
    const { core, fake } = harness({ now: () => now });
    const user = unwrapOk(await usersCreate(core, { requestBody: { emailAddress: ["r@example.com"] } }));
    const session = unwrapOk(await sessionsCreate(core, { requestBody: { userId: user.id } }));
    const old = unwrapOk(await sessionsCreateToken(core, { sessionId: session.id, requestBody: {} })).jwt ?? "";
    now = new Date("2026-01-01T00:05:00Z");
    const body = { expiredToken: old, refreshToken: "refresh", requestOrigin: "https://app.example.com" };
    const fresh = unwrapOk(await sessionsRefresh(core, { sessionId: session.id, requestBody: body }));
    expect(fresh).toMatchObject({ object: "token" });
    const jwt = "jwt" in fresh ? String(fresh.jwt) : "";
    const claims = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      sid: session.id,
      sub: user.id,
      azp: "https://app.example.com",
      iat: now.getTime() / 1000,
    });
    const cookie = unwrapOk(
      await sessionsRefresh(core, { sessionId: session.id, requestBody: { ...body, format: "cookie" } }),
    );
    expect("cookies" in cookie ? cookie.cookies[0] : "").toMatch(/^__session=ey/);

    const other = unwrapOk(await sessionsCreate(core, { requestBody: { userId: user.id } }));
    expect(clerkErrorOf(await sessionsRefresh(core, { sessionId: other.id, requestBody: body })).statusCode).toBe(400);
    const forged = `${old.slice(0, old.lastIndexOf("."))}.AAAA`;
    expect(
      clerkErrorOf(
        await sessionsRefresh(core, { sessionId: session.id, requestBody: { ...body, expiredToken: forged } }),
      ).statusCode,
    ).toBe(400);
    unwrapOk(await usersBan(core, { userId: user.id }));
    expect(clerkErrorOf(await sessionsRefresh(core, { sessionId: session.id, requestBody: body })).statusCode).toBe(
      401,
    );
    expect(fake.requests.filter((r) => r.operationId === "RefreshSession").map((r) => r.status)).toEqual([
      200, 200, 400, 400, 401,
    ]);
  });
});
