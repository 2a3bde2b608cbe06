import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClerkCore } from "../../src/core.js";
import { multipartBody } from "../../src/lib/encode.js";
import { sendJson, startHttpServer } from "../support/http-server.js";
import type { TestServer } from "../support/http-server.js";
import { wireUser } from "../support/builders.js";
import { usersGet, usersList, usersSetProfileImage } from "./support/ops.js";

let server: TestServer;
let clerk: ClerkCore;
beforeAll(async () => {
  server = await startHttpServer((s, res) =>
    s.target.startsWith("/users?") || s.target === "/users" ? sendJson(res, 200, []) : sendJson(res, 200, wireUser()),
  );
  clerk = new ClerkCore({
    serverUrl: `${server.url}/v1/`,
    bearerAuth: "sk_test_enc",
    retryConfig: { strategy: "none" },
  });
});
afterAll(() => server.close());

async function target(run: () => Promise<unknown>): Promise<string> {
  const before = server.seen.length;
  await run();
  expect(server.seen.length).toBe(before + 1);
  return server.seen[server.seen.length - 1]!.target;
}

describe("path parameters stay inside one segment", () => {
  const cases: [string, string][] = [
    ["../admin", "/v1/users/..%2Fadmin"],
    ["a/b", "/v1/users/a%2Fb"],
    ["x?admin=1#frag", "/v1/users/x%3Fadmin%3D1%23frag"],
    ["%2e%2e", "/v1/users/%252e%252e"],
    ["user 1+ü", "/v1/users/user%201%2B%C3%BC"],
    ["..\\..\\etc", "/v1/users/..%5C..%5Cetc"],
  ];
  for (const [id, expected] of cases) {
    it(`${JSON.stringify(id)} → ${expected}`, async () => {
      expect(await target(() => usersGet(clerk, { userId: id }))).toBe(expected);
    });
  }
});

describe("dot segments are refused before sending", () => {
  for (const id of [".", ".."]) {
    it(JSON.stringify(id), async () => {
      const before = server.seen.length;
      const res = await usersGet(clerk, { userId: id });
      expect(res.error?.name).toBe("InvalidRequestError");
      expect(res.error?.message).toContain("user_id");
      expect(server.seen.length).toBe(before);
    });
  }
  it('"..." is an ordinary segment', async () => {
    expect(await target(() => usersGet(clerk, { userId: "..." }))).toBe("/v1/users/...");
  });
});

describe("query parameters round-trip exactly", () => {
  it("exploded arrays, comma arrays, booleans, numbers, unicode, + and &", async () => {
    const t = await target(() =>
      usersList(clerk, {
        emailAddress: ["a+b@example.com", "c&d=e@example.com"],
        userId: ["user_1", "user,2"],
        query: "Zoë & co + 100% ✓",
        banned: false,
        limit: 10,
      }),
    );
    const params = new URL(t, "http://x").searchParams;
    expect(params.getAll("email_address")).toEqual(["a+b@example.com", "c&d=e@example.com"]);
    expect(params.get("user_id")).toBe("user_1,user%2C2".replace("%2C", ","));
    expect(t).toContain("user_id=user_1,user%2C2");
    expect(params.get("query")).toBe("Zoë & co + 100% ✓");
    expect(params.get("banned")).toBe("false");
    expect(params.get("limit")).toBe("10");
    expect(t).not.toContain(" ");
  });

  it("undefined parameters and empty arrays are left out", async () => {
    expect(await target(() => usersList(clerk, { banned: true, emailAddress: [] }))).toBe("/v1/users?banned=true");
    expect(await target(() => usersList(clerk))).toBe("/v1/users");
  });

  it("per-call serverUrl replaces the core's", async () => {
    const other = await startHttpServer((_s, res) => sendJson(res, 200, []));
    await usersList(clerk, {}, { serverUrl: other.url });
    expect(other.seen.map((s) => s.target)).toEqual(["/users"]);
    await other.close();
  });
});

describe("headers", () => {
  it("sends auth, API version, SDK user agent and JSON accept; caller headers come last", async () => {
    await usersGet(clerk, { userId: "u" }, { headers: { "x-request-id": "req_1", "clerk-api-version": "2099-01-01" } });
    const h = server.seen[server.seen.length - 1]!.headers;
    expect(h.authorization).toBe("Bearer sk_test_enc");
    expect(h["clerk-api-version"]).toBe("2099-01-01");
    expect(h["user-agent"]).toMatch(/^clerk-fn\/\d+\.\d+\.\d+/);
    expect(h.accept).toBe("application/json");
    expect(h["x-request-id"]).toBe("req_1");
  });

  it("no Authorization header without bearerAuth", async () => {
    await usersGet(new ClerkCore({ serverUrl: server.url, apiVersion: "2025-01-01" }), { userId: "u" });
    const h = server.seen[server.seen.length - 1]!.headers;
    expect(h.authorization).toBeUndefined();
    expect(h["clerk-api-version"]).toBe("2025-01-01");
  });
});

/** Parses a multipart body the way a server would (via the platform's FormData parser). */
async function parseMultipart(body: Buffer, contentType: string): Promise<FormData> {
  return new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
}

describe("multipart uploads arrive byte-exact", () => {
  // every byte value, plus bytes that look like a boundary and CRLFs
  const bytes = new Uint8Array([
    ...Array.from({ length: 256 }, (_, i) => i),
    ...new TextEncoder().encode("\r\n--boundary\r\n\r\n"),
  ]);
  const sources: [string, () => Blob | Uint8Array | ReadableStream<Uint8Array>][] = [
    ["Blob", () => new Blob([bytes], { type: "image/png" })],
    ["File", () => new File([bytes], "avatar.png", { type: "image/png" })],
    ["Uint8Array", () => bytes.slice()],
    [
      "ReadableStream (chunked)",
      () =>
        new ReadableStream<Uint8Array>({
          start(c) {
            c.enqueue(bytes.slice(0, 100));
            c.enqueue(bytes.slice(100, 101));
            c.enqueue(bytes.slice(101));
            c.close();
          },
        }),
    ],
  ];
  for (const [label, make] of sources) {
    it(label, async () => {
      await usersSetProfileImage(clerk, { userId: "user_1", requestBody: { file: make(), note: 'héllo "quoted"' } });
      const seen = server.seen[server.seen.length - 1]!;
      expect(seen.method).toBe("POST");
      expect(seen.target).toBe("/v1/users/user_1/profile_image");
      const contentType = seen.headers["content-type"]!;
      expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
      const form = await parseMultipart(seen.body, contentType);
      const file = form.get("file");
      expect(file).toBeInstanceOf(Blob);
      expect(new Uint8Array(await (file as Blob).arrayBuffer())).toEqual(bytes);
      expect(form.get("note")).toBe('héllo "quoted"');
      if (label === "File") expect((file as File).name).toBe("avatar.png");
    });
  }

  it("a file field that is not binary is refused before sending", async () => {
    const before = server.seen.length;
    const res = await usersSetProfileImage(clerk, { userId: "user_1", requestBody: { file: "not a file" as never } });
    expect(res.error?.name).toBe("InvalidRequestError");
    expect(res.error?.message).toContain("Expected a Blob");
    expect(server.seen.length).toBe(before);
  });

  it("a Node Buffer is sent byte-exact too", async () => {
    await usersSetProfileImage(clerk, { userId: "user_1", requestBody: { file: Buffer.from(bytes) } });
    const seen = server.seen[server.seen.length - 1]!;
    const form = await parseMultipart(seen.body, seen.headers["content-type"]!);
    expect(new Uint8Array(await (form.get("file") as Blob).arrayBuffer())).toEqual(bytes);
  });

  it("multipartBody encodes arrays, numbers and objects as separate text fields", async () => {
    const { body } = multipartBody({ tag: ["a", "b"], count: 3, extra: { k: 1 }, skipped: undefined });
    expect(body).toBeInstanceOf(FormData);
    const form = body as FormData;
    expect(form.getAll("tag")).toEqual(["a", "b"]);
    expect(form.get("count")).toBe("3");
    expect(form.get("extra")).toBe('{"k":1}');
    expect(form.has("skipped")).toBe(false);
  });
});
