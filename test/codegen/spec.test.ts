import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  SPEC_FILE_NAME,
  SPEC_LOCAL_PATH,
  SPEC_SHA256,
  SPEC_UPSTREAM_URL,
  WEBHOOKS_FILE_NAME,
  WEBHOOKS_LOCAL_PATH,
  WEBHOOKS_SHA256,
  WEBHOOKS_UPSTREAM_URL,
} from "../../codegen/config.js";
import { generateWebhooks } from "../../codegen/emit-webhooks.js";
import { generate } from "../../codegen/generate.js";
import { loadSpec } from "../../codegen/load.js";
import { FIXTURES, ROOT, generateFixture } from "./support.js";

const source = {
  fileName: SPEC_FILE_NAME,
  localPath: SPEC_LOCAL_PATH,
  upstreamUrl: SPEC_UPSTREAM_URL,
  sha256: SPEC_SHA256,
};
const haveSpec = existsSync(join(ROOT, SPEC_LOCAL_PATH));

describe("loading", () => {
  it.runIf(haveSpec)("the pinned local document hashes to the pinned SHA-256", async () => {
    expect((await loadSpec(ROOT, source)).sha256).toBe(SPEC_SHA256);
  });

  it("a document whose hash differs from the pin is a hard error", async () => {
    const wrong = { ...source, localPath: "test/codegen/fixtures/multipart.yml" };
    await expect(loadSpec(ROOT, wrong)).rejects.toThrow(/SHA-256 [0-9a-f]{64} does not match the pinned 75df3a43/);
  });

  it("CLERK_OPENAPI_SPEC overrides the location", async () => {
    const before = process.env.CLERK_TEST_SPEC;
    process.env.CLERK_TEST_SPEC = join(FIXTURES, "enums.yml");
    try {
      const spec = await loadSpec(ROOT, { ...source, envVar: "CLERK_TEST_SPEC" });
      expect(spec.fileName).toBe("enums.yml");
      expect(spec.doc.openapi).toBe("3.0.3");
    } finally {
      if (before === undefined) delete process.env.CLERK_TEST_SPEC;
      else process.env.CLERK_TEST_SPEC = before;
    }
  });
});

describe("determinism", () => {
  it("two runs give byte-identical files", async () => {
    const a = await generateFixture("recursion");
    const b = await generateFixture("recursion");
    expect([...a.files]).toEqual([...b.files]);
  });
});

describe.runIf(haveSpec)("bapi-2026-05-12.yml", () => {
  it("the committed output is exactly what the generator produces (the --check of CI)", async () => {
    const spec = await loadSpec(ROOT, source);
    const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    const { files, ir, repairs } = await generate(spec, { sdkVersion: version });
    expect(ir.ops).toHaveLength(249);
    expect(ir.ops.filter((o) => o.deprecated)).toHaveLength(14);
    const differ = [...files]
      .filter(([p, text]) => !existsSync(join(ROOT, p)) || readFileSync(join(ROOT, p), "utf8") !== text)
      .map(([p]) => p);
    expect(differ).toEqual([]);
    // Each documented defect is repaired and logged.
    for (const line of [
      /schema SAMLConnection: "authenticatable" is required but never declared/,
      /schema EnterpriseConnection: "disable_jit_provisioning" is required but never declared/,
      /schema SAMLConnection: anyOf whose branches only list required/,
      /CreateSAMLConnection request body .*anyOf whose branches only list required/,
      /schema Web3Wallet\.verification: discriminator on "object" without mapping/,
      /schema JWKS\.keys\[\]: oneOf of 7 without discriminator/,
      /schema SessionRefresh: oneOf of 2 without discriminator/,
      /GetPublicInterstitial: 200 response declares no content/,
      /GetPublicInterstitial: "frontendApi" and "frontend_api"/,
    ]) {
      expect(
        repairs.some((r) => line.test(r)),
        String(line),
      ).toBe(true);
    }
    expect(repairs.filter((r) => /single-\$ref (allOf|oneOf) wrapper/.test(r)).length).toBeGreaterThanOrEqual(47);
    // One Clerk error-entry model: src/errors' ClerkError, also for a verification's `error`.
    expect(files.has("src/models/components/clerkError.ts")).toBe(false);
    expect(files.get("src/models/components/verificationOauth.ts")).toMatch(
      /import \{ type ClerkError, ClerkError\$inbound \} from "\.\.\/\.\.\/errors\/clerkErrorsData\.js";/,
    );
  });

  it("37 list operations carry pagination facts; 8 answer the undeclared envelope to `paginated: true`", async () => {
    const { ir, repairs } = await generate(await loadSpec(ROOT, source), { sdkVersion: "0.0.0-test", format: false });
    const lists = ir.ops.filter((o) => o.page);
    expect(lists).toHaveLength(37);
    const flag = lists.filter((o) => o.page!.shape === "flag").map((o) => o.fn);
    expect(flag).toEqual([
      "allowlistIdentifiersList",
      "clientsList",
      "emailSMSTemplatesList",
      "invitationsList",
      "jwtTemplatesList",
      "redirectUrlsList",
      "sessionsList",
      "usersGetOAuthAccessToken",
    ]);
    expect(repairs.filter((r) => r.includes('"paginated: true" answers { data, total_count }'))).toHaveLength(8);
    expect(lists.filter((o) => o.page!.shape === "array").map((o) => o.fn)).toEqual(["usersList"]);
    expect(lists.filter((o) => o.page!.maxLimit === 100).map((o) => o.fn)).toEqual([
      "apiKeysGetApiKeys",
      "m2mListTokens",
    ]);
    expect(lists.every((o) => o.page!.maxLimit === 100 || o.page!.maxLimit === 500)).toBe(true);
    expect(lists.filter((o) => o.page!.idField !== "id").map((o) => [o.fn, o.page!.idField])).toEqual([
      ["usersGetOAuthAccessToken", "externalAccountId"],
    ]);
    expect(lists.filter((o) => o.page!.itemsField).map((o) => [o.fn, o.page!.itemsField])).toEqual([
      ["m2mListTokens", "m2mTokens"],
    ]);
    // Only GetUserList takes Clerk's starting_after cursor.
    expect(lists.filter((o) => o.page!.cursor).map((o) => [o.fn, o.page!.cursor])).toEqual([
      ["usersList", "startingAfter"],
    ]);
  });
});

const webhooksSource = {
  fileName: WEBHOOKS_FILE_NAME,
  localPath: WEBHOOKS_LOCAL_PATH,
  upstreamUrl: WEBHOOKS_UPSTREAM_URL,
  sha256: WEBHOOKS_SHA256,
};
describe.runIf(existsSync(join(ROOT, WEBHOOKS_LOCAL_PATH)))("webhooks-2025-04-15.yml", () => {
  it("the committed src/models/webhooks is exactly what the generator produces", async () => {
    const { files, eventTypes } = await generateWebhooks(await loadSpec(ROOT, webhooksSource));
    expect(eventTypes).toHaveLength(45);
    expect(files.has("src/models/webhooks/index.ts")).toBe(true);
    const differ = [...files]
      .filter(([p, text]) => !existsSync(join(ROOT, p)) || readFileSync(join(ROOT, p), "utf8") !== text)
      .map(([p]) => p);
    expect(differ).toEqual([]);
  });
});
