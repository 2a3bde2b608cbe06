import * as v from "valibot";
import { describe, expect, test } from "vitest";
import { outbound } from "../../src/lib/schema.js";
import { errorSide, explainedByPrism, requestSide, strictSide, wireSide } from "./checks.js";
import type { CallOutcome, Exchange } from "./exchange.js";

// The checks judge recorded exchanges; here they judge hand-made ones, to show
// each of them can fail for the reason it names.
function exchange(over: Partial<Exchange>): Exchange {
  return {
    method: "GET",
    url: "http://127.0.0.1:1/users/user_1?limit=10",
    requestBody: undefined,
    requestForm: undefined,
    status: 200,
    contentType: "application/json",
    body: "{}",
    violations: [],
    ...over,
  };
}
const ok = (x: Exchange): CallOutcome => ({ result: { ok: true, value: {} }, exchanges: [x], issues: [] });

const Input = outbound<{ userId: string; limit?: number; tags?: string[]; requestBody?: { firstName: string } }>({
  userId: ["user_id", v.string()],
  limit: ["limit", v.optional(v.number())],
  tags: ["tag", v.optional(v.array(v.string()))],
  requestBody: ["requestBody", v.optional(outbound<{ firstName: string }>({ firstName: ["first_name", v.string()] }))],
});

describe("requestSide", () => {
  test("passes a clean exchange and ignores response-side and deprecation entries", () => {
    const x = exchange({
      violations: [
        { location: ["response", "body", "id"], severity: "Error", message: "must be string" },
        { location: ["request", "query", "old"], severity: "Warning", code: "deprecated", message: "deprecated" },
      ],
    });
    expect(requestSide(ok(x)).pass).toBe(true);
  });

  test("fails on a request violation, a Prism problem+json, or nothing sent", () => {
    const violated = exchange({
      status: 422,
      violations: [{ location: ["request", "query", "limit"], severity: "Error", message: "must be integer" }],
    });
    expect(requestSide(ok(violated))).toMatchObject({ pass: false, cause: "request violation" });
    const unexplained = exchange({ status: 422, body: '{"errors":[]}' });
    expect(requestSide(ok(unexplained))).toMatchObject({
      pass: false,
      cause: "request rejected with a validation status",
    });
    expect(requestSide(ok(unexplained), 422).pass).toBe(true);
    const rejected = exchange({
      status: 401,
      contentType: "application/problem+json",
      body: '{"title":"Invalid security scheme used"}',
    });
    expect(requestSide(ok(rejected))).toMatchObject({ pass: false, cause: "request rejected by Prism" });
    const error = Object.assign(new Error("bad input"), { name: "InvalidRequestError" });
    expect(requestSide({ result: { ok: false, error }, exchanges: [], issues: [] })).toMatchObject({
      pass: false,
      cause: "client sent nothing (InvalidRequestError)",
    });
  });
});

describe("wireSide", () => {
  const request = { userId: "user_1", limit: 10, tags: ["a", "b"], requestBody: { firstName: "Ada" } };
  const good = exchange({
    method: "POST",
    url: "http://127.0.0.1:1/users/user_1?limit=10&tag=a&tag=b",
    requestBody: '{"first_name":"Ada"}',
  });

  test("passes when path, every query value and the body reached the wire", () => {
    expect(wireSide(ok(good), Input, request, "/users/{user_id}")).toEqual({ pass: true });
    const comma = { ...good, url: "http://127.0.0.1:1/users/user_1?limit=10&tag=a,b" };
    expect(wireSide(ok(comma), Input, request, "/users/{user_id}").pass).toBe(true);
  });

  test("fails on a dropped query value, an extra parameter, a wrong path or a changed body", () => {
    const dropped = { ...good, url: "http://127.0.0.1:1/users/user_1?limit=10&tag=a" };
    expect(wireSide(ok(dropped), Input, request, "/users/{user_id}").detail).toContain("query tag");
    const extra = { ...good, url: `${good.url}&debug=1` };
    expect(wireSide(ok(extra), Input, request, "/users/{user_id}").detail).toContain("query debug: not an input");
    const path = { ...good, url: "http://127.0.0.1:1/users/%7Buser_id%7D?limit=10&tag=a&tag=b" };
    expect(wireSide(ok(path), Input, request, "/users/{user_id}").detail).toContain("path");
    const body = { ...good, requestBody: '{"firstName":"Ada"}' };
    expect(wireSide(ok(body), Input, request, "/users/{user_id}").detail).toContain("body sent");
  });
});

describe("errorSide", () => {
  const response = (name: string, statusCode: number, data?: unknown) =>
    ({
      result: { ok: false, error: Object.assign(new Error(name), { name, statusCode, data }) },
      exchanges: [],
      issues: [],
    }) as CallOutcome;

  test("wants ClerkErrors with parsed errors where the spec declares a body, APIError where not", () => {
    expect(errorSide(response("ClerkErrors", 404, { errors: [{ code: "not_found" }] }), 404, "clerk").pass).toBe(true);
    expect(errorSide(response("APIError", 500), 500, "none").pass).toBe(true);
    expect(errorSide(response("APIError", 404), 404, "clerk").cause).toBe("404: APIError instead of ClerkErrors");
    expect(errorSide(response("ClerkErrors", 404, { errors: [] }), 404, "clerk").cause).toBe(
      "404: ClerkErrors without parsed errors",
    );
    expect(errorSide(response("ClerkErrors", 400, { errors: [{ code: "x" }] }), 404, "clerk").cause).toBe(
      "404: statusCode 400",
    );
    expect(errorSide({ result: { ok: true }, exchanges: [], issues: [] }, 404, "clerk").cause).toBe(
      "404: ok instead of ClerkErrors",
    );
    const wire = exchange({
      status: 404,
      body: '{"errors":[{"code":"x","message":"m","long_message":"long"}],"clerk_trace_id":"t1"}',
    });
    const decoded = (data: unknown) => ({ ...response("ClerkErrors", 404, data), exchanges: [wire] }) as CallOutcome;
    expect(
      errorSide(decoded({ errors: [{ code: "x", longMessage: "long" }], clerkTraceId: "t1" }), 404, "clerk").pass,
    ).toBe(true);
    expect(
      errorSide(decoded({ errors: [{ code: "x", long_message: "long" }], clerkTraceId: "t1" }), 404, "clerk").cause,
    ).toBe("404: errors[0].long_message not decoded as longMessage");
    expect(errorSide(decoded({ errors: [{ code: "x", longMessage: "long" }] }), 404, "clerk").cause).toBe(
      "404: clerk_trace_id not decoded as clerkTraceId",
    );
  });
});

describe("explainedByPrism", () => {
  const rve = (paths: string[][]) =>
    Object.assign(new Error("bad body"), {
      name: "ResponseValidationError",
      issues: paths.map((p) => ({ message: "missing", path: p.map((key) => ({ key })) })),
    });
  const flagged = exchange({
    violations: [
      {
        location: ["response", "body", "saml_accounts", "0", "saml_connection"],
        severity: "Error",
        message: "must have required property 'id'",
      },
    ],
  });

  test("excuses only issues at or under a location Prism flagged in its own body", () => {
    expect(explainedByPrism(rve([["saml_accounts", "0", "saml_connection", "id"]]), flagged)).toBe(true);
    expect(explainedByPrism(rve([["saml_accounts", "0", "saml_connection", "id"], ["created_at"]]), flagged)).toBe(
      false,
    );
    expect(explainedByPrism(rve([["saml_accounts", "0", "saml_connection_x"]]), flagged)).toBe(false);
    expect(explainedByPrism(rve([["id"]]), exchange({}))).toBe(false);
    expect(explainedByPrism(Object.assign(new Error("x"), { name: "APIError" }), flagged)).toBe(false);
  });
});

describe("strictSide", () => {
  const issue = (path: string[]) =>
    ({
      kind: "schema",
      type: "string",
      input: undefined,
      expected: "string",
      received: "undefined",
      message: "missing",
      path: path.map((key) => ({ type: "object", origin: "key", input: {}, key, value: undefined })),
    }) as never;
  const flagged = exchange({
    violations: [
      {
        location: ["response", "body", "saml_connection"],
        severity: "Error",
        message: "must have required property 'name'",
      },
    ],
  });

  test("passes a body the hook found no issue in; fails on any issue, excusable only when Prism flagged the place", () => {
    expect(strictSide(ok(flagged))).toEqual({ pass: true });
    const prisms = strictSide({ ...ok(flagged), issues: [issue(["saml_connection", "name"])] });
    expect(prisms).toMatchObject({ pass: false, prismResponseInvalid: true });
    expect(prisms.detail).toContain("saml_connection.name: missing");
    expect(strictSide({ ...ok(flagged), issues: [issue(["created_at"])] })).toMatchObject({
      pass: false,
      prismResponseInvalid: false,
    });
  });
});
