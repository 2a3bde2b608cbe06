import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIXTURES, generateFixture } from "./support.js";

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".yml"))
  .map((f) => f.slice(0, -4))
  .sort();

// Every generated file and the repair log of each fixture, against committed snapshots.
describe.each(fixtures)("fixture %s", (name) => {
  it("matches the committed snapshots", async () => {
    const { files, repairs } = await generateFixture(name);
    for (const [path, text] of files) {
      if (path === "docs/operations.md" && name !== "query-arrays") continue; // one docs snapshot is enough
      await expect(text).toMatchFileSnapshot(`./__snapshots__/${name}/${path}.snap`);
    }
    await expect(repairs.join("\n") + "\n").toMatchFileSnapshot(`./__snapshots__/${name}/repairs.txt`);
  });
});

describe("repairs are logged, one line each", () => {
  const cases: [string, RegExp][] = [
    ["required-undeclared", /schema Widget: "ghost_flag" is required but never declared/],
    ["anyof-required", /schema Plot: anyOf whose branches only list required \(seed \| seeds\)/],
    ["anyof-required", /PlantPlot request body .*anyOf whose branches only list required/],
    [
      "discriminated-oneof",
      /Sensor\.previous: discriminator on "kind" without mapping: derived reading_heat, reading_door/,
    ],
    ["nullable-ref-wrappers", /Order\.total: single-\$ref allOf wrapper \(nullable\) → nullable reference to Money/],
    ["nullable-ref-wrappers", /Order\.fee: single-\$ref oneOf wrapper \(nullable\) → nullable reference to Money/],
    ["oneof-plain", /KeySet\.keys\[\]: oneOf of 2 without discriminator/],
    ["html-and-collisions", /GetPage: 200 response declares no content: its body is returned as text/],
    [
      "html-and-collisions",
      /"frontendApi" and "frontend_api" both camelCase to "frontendApi": "frontend_api" keeps it, "frontendApi" becomes "frontendApiDeprecated"/,
    ],
    ["recursion", /model TreeNode: recursive/],
    ["no-content", /schema ClerkErrors: not emitted/],
  ];
  it.each(cases)("%s: %s", async (name, line) => {
    const { repairs } = await generateFixture(name, false);
    expect(repairs.filter((r) => line.test(r))).toHaveLength(1);
  });

  it("a clean spec needs no repairs", async () => {
    expect((await generateFixture("multipart", false)).repairs).toEqual([]);
  });
});

describe("emitted shapes", () => {
  it("the undeclared required property is kept, optional and unknown", async () => {
    const { files } = await generateFixture("required-undeclared", false);
    const text = files.get("src/models/components/widget.ts")!;
    expect(text).toMatch(/ghostFlag\?: unknown;/);
    // A bare schema: the wire name is the property name in snake_case (ghost_flag).
    expect(text).toMatch(/ghostFlag: v\.optional\(v\.unknown\(\)\)/);
  });

  it("a 204 and a 202 operation resolve to void; the HTML one to string; deprecated gets @deprecated", async () => {
    const nc = await generateFixture("no-content", false);
    expect(nc.files.get("src/funcs/cachePurge.ts")).toMatch(/responses: \{ "204": "empty" \}/);
    expect(nc.files.get("src/funcs/cachePurge.ts")).toMatch(/Promise<Result<void, CachePurgeError>>/);
    expect(nc.files.get("src/funcs/cachePurge.ts")).toMatch(/@deprecated/);
    expect(nc.files.get("src/funcs/cacheRefresh.ts")).toMatch(/responses: \{ "202": "empty" \}/);
    expect(nc.files.get("src/funcs/cacheRefresh.ts")).not.toMatch(/@deprecated/);
    // No input: no request schema. No body: no ResponseValidationError, but options can still be invalid (TransportErrors).
    expect(nc.files.get("src/funcs/cachePurge.ts")).toMatch(/request\?: Record<string, never>/);
    expect(nc.files.get("src/funcs/cachePurge.ts")).toMatch(
      /export type CachePurgeError = ClerkErrors \| APIError \| TransportErrors;/,
    );
    expect(nc.files.get("src/funcs/cachePurge.ts")).not.toMatch(/ResponseValidationError/);
    const html = await generateFixture("html-and-collisions", false);
    expect(html.files.get("src/funcs/miscGetPage.ts")).toMatch(/responses: \{ "200": "text" \}/);
    expect(html.files.get("src/funcs/miscGetPage.ts")).toMatch(/Promise<Result<string, MiscGetPageError>>/);
  });

  it("defaults come from servers, x-speakeasy-retries and info.version", async () => {
    const { files } = await generateFixture("no-content", false);
    const text = files.get("src/lib/defaults.ts")!;
    expect(text).toMatch(/DEFAULT_SERVER_URL = "https:\/\/example.test\/v1"/);
    expect(text).toMatch(/backoff: \{ initialInterval: 100, maxInterval: 1000, exponent: 2, maxElapsedTime: 5000 \}/);
    expect(text).toMatch(/statusCodes: \["5XX", 429\]/);
    expect(text).toMatch(/retryConnectionErrors: false/);
    expect(text).toMatch(/API_VERSION = "1"/);
    expect(text).toMatch(/SDK_VERSION = "0.0.0-test"/);
  });

  it("without a group extension the first tag names the function; comma arrays are marked", async () => {
    const { files } = await generateFixture("query-arrays", false);
    const text = files.get("src/funcs/domainListsListDomains.ts")!;
    expect(text).toMatch(
      /query: \/\* @__PURE__ \*\/ formQuery\(\[\{ name: "mode", comma: true \}, \{ name: "id" \}, \{ name: "limit" \}\]\)/,
    );
  });

  it("every file starts with the banner naming the spec and its SHA-256", async () => {
    const { files } = await generateFixture("enums");
    for (const [path, text] of files) {
      const first = text.split("\n")[0]!;
      expect(first, path).toMatch(/Generated by clerk-fn codegen from enums\.yml \(sha256 [0-9a-f]{64}\)/);
    }
  });
});

describe("pagination metadata (fixture pagination)", () => {
  it("list operations get their shape, max limit and id field; others none", async () => {
    const { ir } = await generateFixture("pagination", false);
    const pages = Object.fromEntries(ir.ops.map((op) => [op.fn, op.page && { ...op.page, items: undefined }]));
    expect(pages).toEqual({
      lampsListLamps: {
        shape: "flag",
        maxLimit: 500,
        idField: "id",
        envelope: "LampsListLampsPaginatedResponse",
        items: undefined,
      },
      shelvesListShelves: { shape: "envelope", maxLimit: 500, idField: "id", items: undefined },
      kettlesListKettles: { shape: "envelope", maxLimit: 100, idField: "id", itemsField: "kettles", items: undefined },
      lampsListBulbs: { shape: "array", idField: "lampId", items: undefined },
      lampsRecentLamps: undefined,
    });
  });

  it("the undeclared envelope of `paginated: true` is one logged repair", async () => {
    const { repairs } = await generateFixture("pagination", false);
    expect(repairs).toEqual([
      'ListLamps: "paginated: true" answers { data, total_count } but the spec declares only the bare array: both forms decoded, the value\'s type follows the request',
    ]);
  });

  it("list functions carry their PageInfo; a non-list function stays a plain function", async () => {
    const { files } = await generateFixture("pagination", false);
    expect(files.get("src/funcs/shelvesListShelves.ts")).toMatch(
      /export const shelvesListShelves = \/\* @__PURE__ \*\/ listable\(function shelvesListShelves\(/,
    );
    expect(files.get("src/funcs/shelvesListShelves.ts")).toMatch(
      /\{ maxLimit: 500, shape: "envelope", idField: "id" \}\);/,
    );
    expect(files.get("src/funcs/kettlesListKettles.ts")).toMatch(
      /\{ maxLimit: 100, shape: "envelope", idField: "id", itemsField: "kettles" \}\);/,
    );
    expect(files.get("src/funcs/lampsRecentLamps.ts")).toMatch(/export function lampsRecentLamps\(/);
    expect(files.get("src/funcs/lampsRecentLamps.ts")).not.toMatch(/lib\/pagination|listable/);
    const flag = files.get("src/funcs/lampsListLamps.ts")!;
    expect(flag).toMatch(
      /responses: \{ "200": listOrEnvelope\(LampList\$inbound, LampsListLampsPaginatedResponse\$inbound\) \}/,
    );
    expect(flag).toMatch(
      /request: LampsListLampsRequest & \{ paginated: true \}.*Promise<Result<LampsListLampsPaginatedResponse, LampsListLampsError>>/,
    );
  });
});

describe("repeated inline shapes (fixture repeated-shapes)", () => {
  it("are emitted once; the other names stay as aliases", async () => {
    const { ir, files } = await generateFixture("repeated-shapes", false);
    const alias = (id: string) => ir.models.get(id)!.sameShapeAs;
    // Same response (and its nested tail) on GetKite and TrimKite: the shorter name is kept.
    expect(alias("KitesTrimKiteResponse")).toBe("KitesGetKiteResponse");
    expect(alias("KitesGetKiteResponse")).toBeUndefined();
    expect(alias("KitesTrimKiteResponseTail")).toBe("KitesGetKiteResponseTail");
    // The same body twice; the same shape as a response is a different direction.
    expect(alias("KitesTrimKiteRequestBody")).toBe("KitesTagKiteRequestBody");
    expect(alias("KitesTagKiteResponse")).toBeUndefined();
    // Request objects belong to their operation.
    expect(alias("KitesTrimKiteRequest")).toBeUndefined();
    expect(alias("KitesTagKiteRequest")).toBeUndefined();
    const trim = files.get("src/models/operations/kitesTrimKite.ts")!;
    expect(trim).toMatch(/export type KitesTrimKiteResponse = KitesGetKiteResponse;/);
    expect(trim).toMatch(
      /KitesTrimKiteResponse\$inbound: v\.GenericSchema<unknown, KitesTrimKiteResponse> = KitesGetKiteResponse\$inbound;/,
    );
    expect(trim).not.toMatch(/lengthCm/);
  });
});

describe("metadata typed by Clerk's global interfaces (fixture global-metadata)", () => {
  it("ties each metadata map of a known resource to its interface, in responses and request bodies", async () => {
    const { ir } = await generateFixture("global-metadata", false);
    const tied = Object.fromEntries(
      [...ir.models.values()].flatMap((m) =>
        (m.props ?? []).flatMap((p) => (p.node.k === "free" ? [[`${m.id}.${p.wire}`, p.node.global ?? null]] : [])),
      ),
    );
    expect(tied).toEqual({
      // Responses: the resource is the model's `object`.
      "User.public_metadata": "UserPublicMetadata",
      "User.private_metadata": "UserPrivateMetadata",
      "User.unsafe_metadata": "UserUnsafeMetadata",
      // An invitation's public metadata becomes the new user's.
      "Invitation.public_metadata": "UserPublicMetadata",
      // An identity provider's metadata is not one of Clerk's interfaces.
      "ExternalAccount.public_metadata": null,
      // Request bodies: the resource is the path they are sent to (a bulk body's items too).
      "UsersUpdateMetadataRequestBody.public_metadata": "UserPublicMetadata",
      "UsersUpdateMetadataRequestBody.private_metadata": "UserPrivateMetadata",
      "UsersUpdateMetadataRequestBody.unsafe_metadata": "UserUnsafeMetadata",
      "OrganizationsMergeMetadataRequestBody.public_metadata": "OrganizationPublicMetadata",
      "OrganizationsMergeMetadataRequestBody.private_metadata": "OrganizationPrivateMetadata",
      "OrganizationMembershipsUpdateMetadataRequestBody.public_metadata": "OrganizationMembershipPublicMetadata",
      "OrganizationMembershipsUpdateMetadataRequestBody.private_metadata": "OrganizationMembershipPrivateMetadata",
      "InvitationsBulkCreateRequestBodyItem.public_metadata": "UserPublicMetadata",
    });
    // Same wire shape, different resources: the two bodies are not merged into one type.
    expect(ir.models.get("OrganizationMembershipsUpdateMetadataRequestBody")!.sameShapeAs).toBeUndefined();
  });

  it("emits Declared<Interface> in the type and the schema's type argument; other maps stay records", async () => {
    const { files } = await generateFixture("global-metadata", false);
    const user = files.get("src/models/components/user.ts")!;
    expect(user).toMatch(/import type \{ Declared \} from "\.\.\/\.\.\/types\/clerk-globals\.js";/);
    expect(user).toMatch(/publicMetadata: Declared<UserPublicMetadata>;/);
    expect(user).toMatch(/privateMetadata: v\.nullish\(freeForm<Declared<UserPrivateMetadata>>\(\)\)/);
    const external = files.get("src/models/components/externalAccount.ts")!;
    expect(external).toMatch(/publicMetadata\?: Record<string, unknown>;/);
    expect(external).not.toMatch(/clerk-globals/);
  });
});
