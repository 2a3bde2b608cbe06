import { describe, expect, it } from "vitest";
import {
  APIError,
  ClerkErrors,
  ConnectionError,
  InvalidRequestError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  UnexpectedClientError,
} from "../../src/errors/index.js";
import { err, mapValue, ok, unwrap, unwrapAsync, valueOr } from "../../src/types/index.js";

describe("Result helpers", () => {
  it("ok/err/unwrap/unwrapAsync/valueOr/mapValue", async () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(err("x")).toEqual({ ok: false, error: "x" });
    expect(unwrap(ok(2))).toBe(2);
    const e = new Error("boom");
    expect(() => unwrap(err(e))).toThrow(e);
    await expect(unwrapAsync(Promise.resolve(err(e)))).rejects.toBe(e);
    await expect(unwrapAsync(Promise.resolve(ok(3)))).resolves.toBe(3);
    expect(valueOr(err(e), "fallback")).toBe("fallback");
    expect(mapValue(ok(2), (n) => n * 2)).toEqual({ ok: true, value: 4 });
    expect(mapValue(err(e), () => 1)).toEqual({ ok: false, error: e });
  });
});

describe("error names survive minification because they are set explicitly", () => {
  const response = new Response("", { status: 500 });
  const http = { response, body: "" };
  const all: [Error, string][] = [
    [new ClerkErrors({ errors: [{ code: "c", message: "m" }] }, http), "ClerkErrors"],
    [new APIError(http), "APIError"],
    [new ResponseValidationError(null, [{ message: "m" }], http), "ResponseValidationError"],
    [new InvalidRequestError([{ message: "m" }]), "InvalidRequestError"],
    [new ConnectionError("m"), "ConnectionError"],
    [new RequestTimeoutError(5), "RequestTimeoutError"],
    [new RequestAbortedError(), "RequestAbortedError"],
    [new UnexpectedClientError("m"), "UnexpectedClientError"],
  ];
  for (const [error, name] of all) {
    it(name, () => {
      expect(error.name).toBe(name);
      expect(error).toBeInstanceOf(Error);
      expect(JSON.parse(JSON.stringify(error)).name).toBe(name);
      expect(String(error)).toContain(name);
    });
  }
});
