import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as v from "valibot";
import { beforeAll, describe, expect, it } from "vitest";
import { generateFixture, materialize } from "./support.js";

// The emitted schemas, imported and run: what the snapshots cannot show.
type Mod = Record<string, v.GenericSchema>;
async function load(fixture: string, module: string): Promise<Mod> {
  const { files } = await generateFixture(fixture, false);
  const dir = materialize(fixture, files);
  return (await import(pathToFileURL(join(dir, "src/models", `${module}.ts`)).href)) as Mod;
}
const parse = (schema: v.GenericSchema | undefined, value: unknown) => v.safeParse(schema!, value);

describe("recursion", () => {
  let mod: Mod;
  beforeAll(async () => void (mod = await load("recursion", "components/treeNode")));
  it("decodes a self- and mutually-recursive tree, renaming at every depth", () => {
    const wire = {
      node_id: "a",
      children: [{ node_id: "b", children: [], owner: { owner_name: "o", favourite: { node_id: "c", children: [] } } }],
    };
    const out = parse(mod.TreeNode$inbound, wire);
    expect(out.success).toBe(true);
    expect(out.output).toEqual({
      nodeId: "a",
      children: [{ nodeId: "b", children: [], owner: { ownerName: "o", favourite: { nodeId: "c", children: [] } } }],
    });
  });
  it("reports a missing required field deep in the tree", () => {
    expect(parse(mod.TreeNode$inbound, { node_id: "a", children: [{ children: [] }] }).success).toBe(false);
  });
});

describe("nullable discriminated unions", () => {
  let mod: Mod;
  beforeAll(async () => void (mod = await load("discriminated-oneof", "components/sensor")));
  const door = { kind: "reading_door", state: "steady", opened_by: "gate" };
  it("picks the variant by `kind`, with and without a mapping, and accepts null", () => {
    const out = parse(mod.Sensor$inbound, { id: "1", latest: door, previous: null });
    expect(out.output).toEqual({
      id: "1",
      latest: { kind: "reading_door", state: "steady", openedBy: "gate" },
      previous: null,
    });
  });
  it("an unknown tag or enum value falls back to the variants instead of failing", () => {
    const out = parse(mod.Sensor$inbound, {
      id: "1",
      latest: { kind: "reading_new", state: "brand_new" },
      previous: null,
    });
    expect(out.success).toBe(true);
    expect(out.output).toMatchObject({ latest: { kind: "reading_new", state: "brand_new" } });
  });
  it("an unknown tag that no variant accepts is an issue naming the known tags", () => {
    const out = parse(mod.Sensor$inbound, { id: "1", latest: { kind: "reading_new" }, previous: null });
    expect(out.success).toBe(false);
    expect(out.issues?.[0]?.expected).toBe('"kind" one of reading_heat, reading_door');
  });
  it("a missing required union is an issue (null must be explicit)", () => {
    expect(parse(mod.Sensor$inbound, { id: "1", latest: null }).success).toBe(false);
  });
});

describe("nullable references", () => {
  it("wrappers and references to a component that is itself nullable take null", async () => {
    const order = (await load("nullable-ref-wrappers", "components/order")).Order$inbound!;
    const money = { amount: 1, currency: "eur" };
    expect(parse(order, { total: null, fee: null, tax: money, note: null }).output).toEqual({
      total: null,
      fee: null,
      tax: money,
      note: null,
    });
    expect(parse(order, { total: money, fee: money, tax: null, note: { text: "t" } }).success).toBe(false);
  });
});

describe("unions without a discriminator", () => {
  it("a richer object keeps its fields (the variant with more required properties is tried first)", async () => {
    const mod = await load("oneof-plain", "components/keySet");
    const out = parse(mod.KeySet$inbound, {
      keys: [
        { kid: "1", x: "X" },
        { kid: "2", x: "X", d: "D" },
      ],
      label: 3,
    });
    expect(out.output).toEqual({
      keys: [
        { kid: "1", x: "X" },
        { kid: "2", x: "X", d: "D" },
      ],
      label: 3,
    });
  });
});

describe("enums and constraints", () => {
  let body: v.GenericSchema;
  let tile: v.GenericSchema;
  beforeAll(async () => {
    body = (await load("enums", "operations/tilesLay")).TilesLayRequestBody$outbound!;
    tile = (await load("enums", "components/tile")).Tile$inbound!;
  });
  it("requests: closed enums reject unknown values, open enums accept them", () => {
    expect(parse(body, { glaze: "matte", edge: "rounded" }).success).toBe(true);
    expect(parse(body, { glaze: "satin" }).success).toBe(false);
  });
  it("requests: spec constraints are enforced", () => {
    expect(parse(body, { glaze: "matte", width: 10, batch: "tl_abc", email: "a@b.co" }).success).toBe(true);
    expect(parse(body, { glaze: "matte", width: 11 }).success).toBe(false);
    expect(parse(body, { glaze: "matte", width: 1.5 }).success).toBe(false);
    expect(parse(body, { glaze: "matte", batch: "tl_ABC" }).success).toBe(false);
    expect(parse(body, { glaze: "matte", email: "nope" }).success).toBe(false);
    expect(parse(body, { glaze: "matte", kilnAt: "2026-05-12T10:00:00Z", day: "2026-05-12" }).success).toBe(true);
    expect(parse(body, { glaze: "matte", kilnAt: "sample0" }).success).toBe(false);
    expect(parse(body, { glaze: "matte", day: "12/05/2026" }).success).toBe(false);
    expect(parse(body, { glaze: "matte", glase: "typo" }).success).toBe(false);
  });
  it("responses: every enum is open; nullable enums take null", () => {
    expect(parse(tile, { kind: "tile_v2", glaze: "satin", grade: null }).output).toEqual({
      kind: "tile_v2",
      glaze: "satin",
      grade: null,
    });
  });
  it("an open enum keeps its known values at run time only in a request (for sample requests)", () => {
    const field = (schema: v.GenericSchema, name: string) =>
      (schema as unknown as { rows: [string, string, { wrapped?: object; options?: unknown }][] }).rows.find(
        (row) => row[0] === name,
      )![2];
    expect((field(body, "edge").wrapped as { options?: unknown }).options).toEqual(["bevel", "flat"]);
    expect(field(tile, "glaze")).toMatchObject({ type: "open_enum", options: undefined });
  });
});

describe("free-form maps and the undeclared property", () => {
  it("metadata passes through untouched both ways; typed maps are checked", async () => {
    const req = (await load("free-form", "operations/profilesUpdateMetadata")).ProfilesUpdateMetadataRequest$outbound!;
    const meta = { camelKey: { snake_key: [1] } };
    const out = parse(req, { profileId: "p", requestBody: { publicMetadata: meta, labels: { a_b: "c" } } });
    expect(out.output).toEqual({ profile_id: "p", requestBody: { public_metadata: meta, labels: { a_b: "c" } } });
    expect((out.output as { requestBody: { public_metadata: unknown } }).requestBody.public_metadata).toBe(meta);
    expect(parse(req, { profileId: "p", requestBody: { labels: { a: 1 } } }).success).toBe(false);
    const res = (await load("free-form", "components/profile")).Profile$inbound!;
    expect(parse(res, { id: "1", public_metadata: { x_y: 1 }, private_metadata: null }).output).toEqual({
      id: "1",
      publicMetadata: { x_y: 1 },
      privateMetadata: null,
    });
  });
  it("a required-but-undeclared property is decoded when present, not required when absent", async () => {
    const w = (await load("required-undeclared", "components/widget")).Widget$inbound!;
    expect(parse(w, { id: "1", created_at: 2, ghost_flag: true }).output).toEqual({
      id: "1",
      createdAt: 2,
      ghostFlag: true,
    });
    expect(parse(w, { id: "1", created_at: 2 }).output).toEqual({ id: "1", createdAt: 2 });
  });
});

describe("pagination: the envelope of `paginated: true`", () => {
  let mod: Mod;
  beforeAll(async () => void (mod = await load("pagination", "operations/lampsListLamps")));
  it("decodes { data, total_count } into { data, totalCount }", () => {
    const out = parse(mod.LampsListLampsPaginatedResponse$inbound, { data: [{ id: "l1", watts: 40 }], total_count: 7 });
    expect(out.output).toEqual({ data: [{ id: "l1", watts: 40 }], totalCount: 7 });
  });
});
