import type { ClerkCore } from "../core.js";
import { InvalidRequestError } from "../errors/invalidRequestError.js";
import { RequestAbortedError } from "../errors/requestAbortedError.js";
import { UnexpectedClientError } from "../errors/unexpectedClientError.js";
import { nextRetryDelay } from "../retries/retry.js";
import { sleep } from "../retries/sleep.js";
import { err } from "../types/result.js";
import type { Result } from "../types/result.js";
import { attemptOnce } from "./attempt.js";
import type { Operation } from "./operation.js";
import { noteRefusal } from "./pacing.js";
import type { RequestOptions } from "./options.js";
import type { Outcome } from "./outcome.js";
import { prepare } from "./prepare.js";
import { decodeSuccess, readSuccess, type SuccessDecoder } from "./response.js";
import { protect } from "./protect.js";

// Generated functions import RequestOptions from here.
export type { RequestOptions } from "./options.js";

/**
 * The interpreter every operation function calls: validate and encode the
 * input, send with retries, map the outcome, decoding a 2xx body with the
 * operation's model. Never throws, never rejects: whatever a hook, the key
 * provider or a bug throws becomes UnexpectedClientError.
 */
export function call<T, E>(
  core: ClerkCore,
  op: Operation,
  input: unknown,
  options?: RequestOptions,
): Promise<Result<T, E>> {
  return interpret(core, op, input, options, decodeSuccess) as Promise<Result<T, E>>;
}

/**
 * The same interpreter for hand-written callers that check Clerk's answer
 * themselves (src/auth): a 2xx JSON body comes back as parsed, wire names and
 * all, and no model or decoding code is bundled with them.
 */
export function callJson(
  core: ClerkCore,
  op: Operation,
  input: unknown,
  options?: RequestOptions,
): Promise<Result<unknown, Error>> {
  return interpret(core, op, input, options, withoutModel);
}

const withoutModel: SuccessDecoder = (_core, op, _ctx, init) => readSuccess(op, init);

async function interpret(
  core: ClerkCore,
  op: Operation,
  input: unknown,
  options: RequestOptions | undefined,
  decode: SuccessDecoder,
): Promise<Outcome> {
  // One try around everything (not a .catch on a second promise): whatever throws becomes a Result.
  try {
    options ??= {};
    const prepared = prepare(core, op, input, options);
    if (prepared instanceof InvalidRequestError) return err(protect(prepared, undefined));
    const { signal } = options;
    const { method, id } = op;
    const url = prepared.url;
    // A stream is consumed by the first attempt, so such a body is sent once.
    const replayable = !(prepared.body instanceof ReadableStream);
    const started = Date.now();

    for (let attempt = 1; !signal?.aborted; attempt++) {
      const ctx = { operationId: id, method, url, attempt };
      const [result, failure] = await attemptOnce(core, op, ctx, prepared, signal, decode);
      const delay =
        failure && replayable
          ? nextRetryDelay(options.retries ?? core.retryConfig, method, failure, attempt, Date.now() - started)
          : undefined;
      if (delay === undefined) return result;
      // Only a refusal this call waits out pauses the others (so never past its maxInterval).
      noteRefusal(core, failure);
      core.debugLogger?.retrying(ctx, delay);
      if (!(await sleep(delay, signal))) break;
    }
    return err(new RequestAbortedError({ cause: signal?.reason }));
  } catch (cause) {
    return err(new UnexpectedClientError(`Unexpected failure in ${op.id}`, { cause }));
  }
}
