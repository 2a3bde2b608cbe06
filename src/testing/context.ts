// What every operation handler receives, and what it returns.
import type { KeyRing } from "./keys.js";
import type { Store } from "./store.js";

export interface HandlerContext {
  readonly store: Store;
  /** The signing keys (JWKS, session tokens). */
  readonly keys: KeyRing;
  /** The `iss` of the fake's session tokens (a Frontend API URL, as Clerk's). */
  readonly issuer: string;
  /** Path parameters by their spec names (`user_id`). */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The parsed JSON body (undefined when none was sent). */
  readonly body: unknown;
  /** Set when the request was authorised with a machine's secret key rather than the instance's. */
  readonly callerMachineId?: string | undefined;
  /** The fake's clock, in ms (createClerkFake({ now })). */
  now(): number;
  /** The next creation sequence number (stable ordering). */
  nextSeq(): number;
  /** Records a change for webhook delivery (event type as Clerk names it, wire-shaped data). */
  emit(type: string, data: unknown): void;
}

/**
 * A handler returns the JSON body of a 200 answer, or a Response for anything else.
 * Clerk's errors are thrown as FakeApiError (errors.ts).
 */
export type Handler = (ctx: HandlerContext) => unknown;

export type Handlers = Readonly<Record<string, Handler>>;

/** A param that the router guarantees (it is part of the matched template). */
export const param = (ctx: HandlerContext, name: string): string => ctx.params[name] ?? "";
