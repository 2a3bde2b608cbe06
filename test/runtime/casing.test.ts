import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClerkCore } from "../../src/core.js";
import { sendJson, startHttpServer } from "../support/http-server.js";
import type { TestServer } from "../support/http-server.js";
import { wireUser } from "../support/builders.js";
import { usersCreate, usersGet } from "./support/ops.js";

// Keys a naive camelCase/snake_case converter would mangle.
const metadata = {
  plan_tier: "pro",
  camelCase: 1,
  "Mixed-Case Key": { nested_key: [{ inner_key: "x", innerKey: "y" }] },
  __proto_like: null,
  ключ: "значение",
  "": "empty key",
};

let server: TestServer;
let clerk: ClerkCore;
let reply: unknown = wireUser();
beforeAll(async () => {
  server = await startHttpServer((_s, res) => sendJson(res, 200, reply));
  clerk = new ClerkCore({ serverUrl: server.url, bearerAuth: "sk_test_case", retryConfig: { strategy: "none" } });
});
afterAll(() => server.close());

describe("camelCase ↔ wire names", () => {
  it("outbound: nested objects, arrays of objects and nulls are renamed; metadata keys stay byte for byte", async () => {
    await usersCreate(clerk, {
      requestBody: {
        firstName: "Ada",
        emailAddress: ["ada@example.com"],
        publicMetadata: metadata,
        profile: {
          nickName: "ada",
          pets: [
            { petName: "Rex", legCount: 4 },
            { petName: "Nemo", legCount: null },
          ],
        },
      },
    });
    const sent = JSON.parse(server.seen[server.seen.length - 1]!.body.toString());
    expect(sent).toEqual({
      first_name: "Ada",
      email_address: ["ada@example.com"],
      public_metadata: metadata,
      profile: {
        nick_name: "ada",
        pets: [
          { pet_name: "Rex", leg_count: 4 },
          { pet_name: "Nemo", leg_count: null },
        ],
      },
    });
    expect(Object.keys(sent.public_metadata)).toEqual(Object.keys(metadata));
  });

  it("outbound: a null nullable object is sent as null", async () => {
    await usersCreate(clerk, { requestBody: { profile: null } });
    expect(server.seen[server.seen.length - 1]!.body.toString()).toBe('{"profile":null}');
  });

  it("outbound: a misspelt camelCase field is refused, not silently dropped", async () => {
    const res = await usersCreate(clerk, { requestBody: { first_name: "Ada" } as never });
    expect(res.error?.name).toBe("InvalidRequestError");
    expect(res.error?.message).toBe(
      'Invalid request, nothing sent: requestBody.first_name: Invalid key: Expected a known property but received "first_name"',
    );
  });

  it("inbound: nested arrays of objects, nullable unions and metadata", async () => {
    reply = wireUser({
      first_name: null,
      public_metadata: metadata,
      private_metadata: { snake_key: { deeper_key: true } },
      email_addresses: [
        { id: "a", email_address: "a@x.io", verification: null },
        {
          id: "b",
          email_address: "b@x.io",
          verification: { status: "unverified", strategy: "email_code", expire_at: 99 },
        },
      ],
    });
    const res = await usersGet(clerk, { userId: "u" });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.firstName).toBeNull();
    expect(res.value.emailAddresses).toEqual([
      { id: "a", emailAddress: "a@x.io", verification: null },
      { id: "b", emailAddress: "b@x.io", verification: { status: "unverified", strategy: "email_code", expireAt: 99 } },
    ]);
    expect(res.value.publicMetadata).toEqual(metadata);
    expect(Object.keys(res.value.publicMetadata)).toEqual(Object.keys(metadata));
    expect(res.value.privateMetadata).toEqual({ snake_key: { deeper_key: true } });
    expect("first_name" in res.value).toBe(false);
  });

  it("inbound, strict mode: a missing required field is a ResponseValidationError naming the wire key", async () => {
    const user = wireUser();
    delete user["email_addresses"];
    reply = user;
    const res = await usersGet(clerk, { userId: "u" }, { responseValidation: "strict" });
    expect(res.error?.name).toBe("ResponseValidationError");
    expect(res.error?.message).toContain("email_addresses");
  });
});
