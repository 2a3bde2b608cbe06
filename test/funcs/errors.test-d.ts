import { describe, expectTypeOf, it } from "vitest";
import type {
  APIError,
  ClerkErrors,
  InvalidRequestError,
  ResponseValidationError,
  TransportErrors,
} from "../../src/errors/index.js";
import type * as funcs from "../../src/funcs/index.js";
import type { jwksGetJWKS } from "../../src/funcs/jwksGetJWKS.js";
import type { miscellaneousGetPublicInterstitial } from "../../src/funcs/miscellaneousGetPublicInterstitial.js";
import type { webhooksDeleteSvixApp } from "../../src/funcs/webhooksDeleteSvixApp.js";
import type { ErrorOf, Result, ValueOf } from "../../src/types/index.js";

// Every function's declared error union against what its code paths can produce:
// - all of them validate input and options, send a request and catch whatever is
//   thrown (TransportErrors: InvalidRequestError, ConnectionError,
//   RequestTimeoutError, RequestAbortedError, UnexpectedClientError), and map a
//   non-2xx status (ClerkErrors, APIError);
// - those whose value is a decoded JSON body, and only those, can also return
//   ResponseValidationError (a 204's `void` and a text body's `string` decode nothing).

type Fn = (...args: never[]) => Promise<Result<unknown, unknown>>;
type Produced<F extends Fn> =
  ClerkErrors | APIError | TransportErrors | (ValueOf<F> extends void | string ? never : ResponseValidationError);

/** The functions whose union leaves out an error they can return, with what it leaves out. */
type Missing<Fs extends Record<string, Fn>> = {
  [K in keyof Fs as [Exclude<Produced<Fs[K]>, ErrorOf<Fs[K]>>] extends [never] ? never : K]: Exclude<
    Produced<Fs[K]>,
    ErrorOf<Fs[K]>
  >;
};
/** The functions whose union names an error they cannot return. */
type Extra<Fs extends Record<string, Fn>> = {
  [K in keyof Fs as [Exclude<ErrorOf<Fs[K]>, Produced<Fs[K]>>] extends [never] ? never : K]: Exclude<
    ErrorOf<Fs[K]>,
    Produced<Fs[K]>
  >;
};

type All = typeof funcs;

describe("every function's error type is exactly what it can return", () => {
  it("all 249 functions of clerk-fn/funcs are covered", () => {
    // `typeof funcs` holds only the barrel's values: the 249 functions.
    expectTypeOf<All>().toExtend<Record<keyof All, Fn>>();
    // `{}` is exactly what an empty mapped type is: no function missing, none extra.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    expectTypeOf<Missing<All>>().toEqualTypeOf<{}>();
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    expectTypeOf<Extra<All>>().toEqualTypeOf<{}>();
  });

  it("the check finds a union that leaves a class out", () => {
    type Narrow = { f: (core: unknown) => Promise<Result<{ id: string }, ClerkErrors | APIError>> };
    expectTypeOf<keyof Missing<Narrow>>().toEqualTypeOf<"f">();
    expectTypeOf<Missing<Narrow>["f"]>().toEqualTypeOf<TransportErrors | ResponseValidationError>();
  });

  it("an operation without inputs still returns InvalidRequestError (bad options.headers, serverUrl)", () => {
    expectTypeOf<InvalidRequestError>().toExtend<ErrorOf<typeof jwksGetJWKS>>();
  });

  it("no body to decode: no ResponseValidationError", () => {
    expectTypeOf<ResponseValidationError>().not.toExtend<ErrorOf<typeof webhooksDeleteSvixApp>>();
    expectTypeOf<ResponseValidationError>().not.toExtend<ErrorOf<typeof miscellaneousGetPublicInterstitial>>();
    expectTypeOf<ErrorOf<typeof webhooksDeleteSvixApp>>().toEqualTypeOf<ClerkErrors | APIError | TransportErrors>();
  });
});
