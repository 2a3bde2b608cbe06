import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClerkCore, logTo, withHooks } from "../../src/core.js";
import { ResponseValidationError } from "../../src/errors/index.js";
import type { ResponseIssue } from "../../src/lib/decode.js";
import type { Operation } from "../../src/lib/operation.js";
import { call } from "../../src/lib/request.js";
import type { RequestOptions } from "../../src/lib/request.js";
import { discriminated, freeForm, inbound, openEnum } from "../../src/lib/schema.js";
import { sendJson as json, startHttpServer as startServer } from "../support/http-server.js";
import type { TestServer } from "../support/http-server.js";

// A hand-written model in the shape the generator emits: a member with accounts
// (array), each with a verification chosen by `strategy` (no fallback, so an
// unknown strategy is "a union no branch accepts"), tags (array in an array
// item) and a contact that is a plain union.
type Verification = { strategy: "email_code" | "oauth"; status: string; expireAt: number | null };
type Tag = { name: string; color: string | null };
type Account = { id: string; provider: string; verification: Verification | null; tags: Tag[] };
type Contact = { emailAddress: string } | { phoneNumber: string };
type Member = {
  id: string;
  object: "member" | (string & {});
  createdAt: number;
  nickname?: string | null;
  accounts: Account[];
  contact?: Contact;
  publicMetadata: Record<string, unknown>;
};

const VerificationObject = inbound<Verification>({
  strategy: openEnum(["email_code", "oauth"]) as never,
  status: v.string(),
  expireAt: v.nullable(v.number()),
});
const Verification$inbound = discriminated<Verification>("strategy", {
  email_code: VerificationObject,
  oauth: VerificationObject,
});
const Tag$inbound = inbound<Tag>({ name: v.string(), color: v.nullable(v.string()) });
const Account$inbound = inbound<Account>({
  id: v.string(),
  provider: v.string(),
  verification: v.nullable(Verification$inbound),
  tags: v.array(Tag$inbound),
});
const Contact$inbound = v.union([
  inbound<{ emailAddress: string }>({ emailAddress: v.string() }),
  inbound<{ phoneNumber: string }>({ phoneNumber: v.string() }),
]);
const Member$inbound = inbound<Member>({
  id: v.string(),
  object: openEnum(["member"]),
  createdAt: v.number(),
  nickname: v.nullish(v.string()),
  accounts: v.array(Account$inbound),
  contact: v.optional(Contact$inbound),
  publicMetadata: freeForm<Record<string, unknown>>(),
});

const getMember: Operation = {
  id: "GetMember",
  method: "GET",
  path: "/members/x",
  responses: { "200": Member$inbound },
};
const listMembers: Operation = {
  id: "ListMembers",
  method: "GET",
  path: "/members",
  responses: { "200": v.array(Member$inbound) },
};

/** The member as Clerk would send it: every field as the spec says. */
function wireMember(): Record<string, unknown> {
  return {
    id: "mem_1",
    object: "member",
    created_at: 1700000000000,
    nickname: null,
    accounts: [
      {
        id: "acc_1",
        provider: "google",
        verification: { strategy: "oauth", status: "verified", expire_at: null },
        tags: [{ name: "a", color: null }],
      },
      {
        id: "acc_2",
        provider: "github",
        verification: null,
        tags: [
          { name: "b", color: "red" },
          { name: "c", color: null },
          { name: "d", color: "blue" },
        ],
      },
    ],
    contact: { email_address: "ada@example.com" },
    public_metadata: { plan_tier: "pro", nested_value: { keep_me: true } },
  };
}

/** The same member decoded: camelCase keys, metadata untouched. */
function member(): Record<string, unknown> {
  return {
    id: "mem_1",
    object: "member",
    createdAt: 1700000000000,
    nickname: null,
    accounts: [
      {
        id: "acc_1",
        provider: "google",
        verification: { strategy: "oauth", status: "verified", expireAt: null },
        tags: [{ name: "a", color: null }],
      },
      {
        id: "acc_2",
        provider: "github",
        verification: null,
        tags: [
          { name: "b", color: "red" },
          { name: "c", color: null },
          { name: "d", color: "blue" },
        ],
      },
    ],
    contact: { emailAddress: "ada@example.com" },
    publicMetadata: { plan_tier: "pro", nested_value: { keep_me: true } },
  };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Case {
  readonly name: string;
  /** Changes the wire body and the expected value the same way. */
  readonly change: (wire: Json, value: Json) => void;
  /** [dot path, message] of each issue, in order. */
  readonly issues: readonly (readonly [string | null, string])[];
}

const CASES: readonly Case[] = [
  {
    name: "missing required field",
    change: (wire, value) => {
      delete wire.created_at;
      delete value.createdAt;
    },
    issues: [["created_at", 'Invalid key: Expected "created_at" but received undefined']],
  },
  {
    name: "wrong type",
    change: (wire, value) => {
      wire.created_at = "yesterday";
      value.createdAt = "yesterday";
    },
    issues: [["created_at", 'Invalid type: Expected number but received "yesterday"']],
  },
  {
    name: "unexpected null (nested)",
    change: (wire, value) => {
      wire.accounts[0].provider = null;
      value.accounts[0].provider = null;
    },
    issues: [["accounts.0.provider", "Invalid type: Expected string but received null"]],
  },
  {
    name: "unknown discriminated-union branch: the value as sent",
    change: (wire, value) => {
      wire.accounts[1].verification = { strategy: "passkey", status: "verified", expire_at: 5, passkey_id: "pk_1" };
      value.accounts[1].verification = { strategy: "passkey", status: "verified", expire_at: 5, passkey_id: "pk_1" };
    },
    issues: [
      ["accounts.1.verification", 'Invalid type: Expected "strategy" one of email_code, oauth but received Object'],
    ],
  },
  {
    name: "a plain union no branch accepts: the value as sent",
    change: (wire, value) => {
      wire.contact = { web3_wallet: "0xabc" };
      value.contact = { web3_wallet: "0xabc" };
    },
    issues: [["contact", "Invalid type: Expected Object but received Object"]],
  },
  {
    name: "unknown nested objects are kept, camelCased key, value as sent (not an issue)",
    change: (wire, value) => {
      wire.accounts[0].saml_connection = { provider_id: "sp_1", attribute_map: { first_name: "givenName" } };
      value.accounts[0].samlConnection = { provider_id: "sp_1", attribute_map: { first_name: "givenName" } };
      wire.expanded_user = [{ user_id: "u" }];
      value.expandedUser = [{ user_id: "u" }];
      wire["x5t#S256"] = "thumb";
      value["x5t#S256"] = "thumb";
    },
    issues: [],
  },
  {
    name: "deep in arrays: one field of one tag of one account",
    change: (wire, value) => {
      delete wire.accounts[1].tags[2].name;
      delete value.accounts[1].tags[2].name;
      wire.accounts[1].tags[1].color = 7;
      value.accounts[1].tags[1].color = 7;
    },
    issues: [
      ["accounts.1.tags.1.color", "Invalid type: Expected string but received 7"],
      ["accounts.1.tags.2.name", 'Invalid key: Expected "name" but received undefined'],
    ],
  },
];

let server: TestServer;
let reply: unknown;
beforeAll(async () => {
  server = await startServer((_s, res) => json(res, 200, reply));
});
afterAll(() => server.close());

function setup(mode?: "lenient" | "strict") {
  const reported: ResponseIssue[][] = [];
  const lines: string[] = [];
  const core = new ClerkCore({
    serverUrl: server.url,
    retryConfig: { strategy: "none" },
    ...(mode && { responseValidation: mode }),
    hooks: withHooks({ onResponseIssues: (_ctx, issues) => void reported.push([...issues]) }),
    debugLogger: logTo({ debug: (line: string) => lines.push(line) }),
  });
  return { core, reported, warnings: () => lines.filter((l) => l.includes("⚠")) };
}

const shape = (issues: readonly ResponseIssue[]) => issues.map((i) => [v.getDotPath(i), i.message] as const);
const send = (core: ClerkCore, op: Operation, options?: RequestOptions) =>
  call<unknown, Error>(core, op, undefined, options);

describe("a 2xx body that breaks the spec", () => {
  it("a body that matches the model decodes with no issue, no hook call and no warning", async () => {
    reply = wireMember();
    const { core, reported, warnings } = setup();
    expect(await send(core, getMember)).toEqual({ ok: true, value: member() });
    expect(reported).toEqual([]);
    expect(warnings()).toEqual([]);
  });

  for (const c of CASES) {
    describe(c.name, () => {
      const wire = wireMember();
      const value = member();
      c.change(wire, value);

      it("lenient (the default): ok, the field kept as sent, the issues reported", async () => {
        reply = wire;
        const { core, reported, warnings } = setup();
        expect(await send(core, getMember)).toEqual({ ok: true, value });
        expect(reported.map(shape)).toEqual(c.issues.length ? [c.issues] : []);
        expect(warnings()).toHaveLength(c.issues.length ? 1 : 0);
      });

      it("strict: ResponseValidationError with the same issues and the raw body", async () => {
        reply = wire;
        const { core, reported } = setup("strict");
        const res = await send(core, getMember);
        if (c.issues.length === 0) {
          expect(res).toEqual({ ok: true, value });
          return;
        }
        expect(res.error).toBeInstanceOf(ResponseValidationError);
        const error = res.error as ResponseValidationError;
        expect(error.rawValue).toEqual(wire);
        expect(shape(error.issues as ResponseIssue[])).toEqual(c.issues);
        expect(reported.map(shape)).toEqual([c.issues]);
      });

      it("inside a list, the same deviation in the 3rd item only: paths start at the index", async () => {
        reply = [wireMember(), wireMember(), wire];
        const { core, reported } = setup();
        expect(await send(core, listMembers)).toEqual({ ok: true, value: [member(), member(), value] });
        expect(reported.map(shape)).toEqual(
          c.issues.length ? [c.issues.map(([path, message]) => [path ? `2.${path}` : "2", message])] : [],
        );
      });
    });
  }

  it("every deviation at once: one hook call with all issues, one log line naming paths, never values", async () => {
    const wire = wireMember();
    const value = member();
    for (const c of CASES) c.change(wire, value);
    reply = wire;
    const { core, reported, warnings } = setup("lenient");
    expect(await send(core, getMember)).toEqual({ ok: true, value });
    expect(reported).toHaveLength(1);
    // Seven issues in the cases, but "missing" and "wrong type" both change created_at: six.
    expect(reported[0]!.length).toBe(6);
    expect(warnings()).toEqual([
      "[clerk-fn] ⚠ GetMember: the response breaks the spec at created_at, accounts.0.provider, accounts.1.verification, accounts.1.tags.1.color, accounts.1.tags.2.name, contact; kept as sent (lenient)",
    ]);
    for (const sent of ["yesterday", "passkey", "0xabc", "pk_1"]) expect(warnings()[0]).not.toContain(sent);
  });

  it("the per-call option overrides the core's mode, both ways", async () => {
    const wire = wireMember();
    delete wire.id;
    reply = wire;
    const lenientCore = setup().core;
    const strictCore = setup("strict").core;
    expect((await send(lenientCore, getMember, { responseValidation: "strict" })).error).toBeInstanceOf(
      ResponseValidationError,
    );
    expect((await send(strictCore, getMember, { responseValidation: "lenient" })).ok).toBe(true);
    expect(lenientCore.responseValidation).toBe("lenient");
    expect(strictCore.responseValidation).toBe("strict");
  });

  it("wrong top-level kind or not JSON: ResponseValidationError in both modes", async () => {
    for (const mode of ["lenient", "strict"] as const) {
      const { core } = setup(mode);
      for (const [body, op] of [
        [[wireMember()], getMember],
        ["mem_1", getMember],
        [null, getMember],
        [42, getMember],
        [wireMember(), listMembers],
      ] as const) {
        reply = body;
        const res = await send(core, op);
        expect(res.error, `${mode} ${JSON.stringify(body).slice(0, 20)}`).toBeInstanceOf(ResponseValidationError);
        expect((res.error as ResponseValidationError).rawValue).toEqual(body);
      }
    }
    // The model's own issue, worded as for a field (at the top level: no path).
    reply = [wireMember()];
    expect((await send(setup().core, getMember)).error?.message).toBe(
      "HTTP 200: unexpected response: Invalid type: Expected Object but received Array",
    );
    const notJson = await startServer((_s, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{not json");
    });
    try {
      const core = new ClerkCore({ serverUrl: notJson.url, retryConfig: { strategy: "none" } });
      expect((await send(core, getMember)).error).toBeInstanceOf(ResponseValidationError);
    } finally {
      await notJson.close();
    }
  });

  it("a hook that throws ends the call with UnexpectedClientError (as every hook does)", async () => {
    const wire = wireMember();
    delete wire.id;
    reply = wire;
    const core = new ClerkCore({
      serverUrl: server.url,
      retryConfig: { strategy: "none" },
      hooks: withHooks({
        onResponseIssues() {
          throw new Error("hook broke");
        },
      }),
    });
    expect((await send(core, getMember)).error?.name).toBe("UnexpectedClientError");
  });
});
