import { describe, expectTypeOf, it } from "vitest";
import type { ClerkCore } from "../../src/core.js";
import type { ClerkErrors, ConnectionError, OperationErrors } from "../../src/errors/index.js";
import { err, ok, unwrap, unwrapAsync } from "../../src/types/index.js";
import type { ErrorOf, Result, ValueOf } from "../../src/types/index.js";
import type { User } from "./support/ops.js";
import type { usersGet } from "./support/ops.js";

declare const res: Result<User, OperationErrors>;

describe("Result narrows on ok", () => {
  it("ok: true gives value, ok: false gives error", () => {
    if (res.ok) {
      expectTypeOf(res.value).toEqualTypeOf<User>();
      expectTypeOf(res.error).toEqualTypeOf<undefined>();
    } else {
      expectTypeOf(res.error).toEqualTypeOf<OperationErrors>();
      expectTypeOf(res.value).toEqualTypeOf<undefined>();
    }
  });

  it("error.name narrows to the class", () => {
    if (!res.ok && res.error.name === "ClerkErrors") expectTypeOf(res.error).toEqualTypeOf<ClerkErrors>();
    if (!res.ok && res.error.name === "ConnectionError") expectTypeOf(res.error).toEqualTypeOf<ConnectionError>();
  });

  it("value is not reachable without checking ok", () => {
    expectTypeOf(res.value).toEqualTypeOf<User | undefined>();
    // @ts-expect-error a possibly undefined value has no fields
    void res.value.id;
  });

  it("ok/err build the two halves; unwrap returns the value type", () => {
    expectTypeOf(ok(1)).toEqualTypeOf<Result<number, never>>();
    expectTypeOf(err("e")).toEqualTypeOf<Result<never, string>>();
    expectTypeOf(unwrap(res)).toEqualTypeOf<User>();
    expectTypeOf(unwrapAsync(Promise.resolve(res))).toEqualTypeOf<Promise<User>>();
  });

  it("operation functions return Promise<Result<Value, Errors>>", () => {
    expectTypeOf<ReturnType<typeof usersGet>>().toEqualTypeOf<Promise<Result<User, OperationErrors>>>();
    expectTypeOf<ValueOf<typeof usersGet>>().toEqualTypeOf<User>();
    expectTypeOf<ErrorOf<typeof usersGet>>().toEqualTypeOf<OperationErrors>();
    expectTypeOf<Parameters<typeof usersGet>[0]>().toEqualTypeOf<ClerkCore>();
  });
});
