import type { ResponseIssue } from "./decode.js";
import type { HookContext } from "./hooks.js";
import { redact } from "./redact.js";
import { isNamedKey } from "./schema.js";

/** Anything with `debug` or `log`, e.g. `console`. */
export type LineWriter = { debug(...args: unknown[]): void } | { log(...args: unknown[]): void };

/**
 * What the runtime tells the `debugLogger` option. Make one with
 * `logTo(console)`: the formatting and redaction live there, so a core without
 * a debug logger does not carry them.
 */
export interface DebugLogger {
  /** An attempt is about to be sent; returns what reports its end (`← 200`, `✗ ConnectionError:`). */
  attempt(ctx: HookContext, headers: Record<string, string>, secret: string | undefined): (what: string) => void;
  /** The call waits `delayMs` before attempt `ctx.attempt + 1`. */
  retrying(ctx: HookContext, delayMs: number): void;
  /** A 2xx body broke the model: `paths` name where (never the values). */
  issues(ctx: HookContext, issues: readonly ResponseIssue[], kept: boolean): void;
}

/**
 * A debug logger writing one line per event to `writer` (`console`, or anything
 * with `debug()` or `log()`): per attempt a `→` line (operation, method, URL,
 * attempt, headers) and a `←` line (status and time) or a `✗` line (the
 * error); per retry a line with the wait; per response that breaks the spec a
 * `⚠` line naming the paths, never values. The key is redacted wherever it
 * appears, and so is every credential-like header's value. A writer that
 * throws is ignored: logging never breaks a call.
 */
export function logTo(writer: LineWriter): DebugLogger {
  const write = (line: string, secret?: string) => {
    try {
      const method = "debug" in writer ? writer.debug : writer.log;
      method.call(writer, `[clerk-fn] ${redact(line, secret)}`);
    } catch {
      // ignored on purpose
    }
  };
  return {
    attempt({ operationId, method, url, attempt }, headers, secret) {
      write(`→ ${method} ${url} (${operationId}, attempt ${attempt}) ${describeHeaders(headers)}`, secret);
      const started = Date.now();
      return (what) => write(`${what} ${method} ${url} in ${Date.now() - started} ms (attempt ${attempt})`, secret);
    },
    retrying({ method, url, attempt }, delayMs) {
      write(`retrying ${method} ${url} in ${delayMs} ms (after attempt ${attempt})`);
    },
    issues({ operationId }, issues, kept) {
      // Array indices and the model's keys; a map's keys are the server's data
      // (attribute_mapping's may be email addresses), so they show as `*`.
      const paths = issues.map(
        (issue) =>
          issue.path?.map((step) => (step.type === "array" || isNamedKey(step) ? step.key : "*")).join(".") ||
          "(top level)",
      );
      // A list where every item deviates would make an endless line: the first ten and the count.
      const shown = paths.slice(0, 10).join(", ") + (paths.length > 10 ? `, … (${paths.length} issues)` : "");
      write(
        `⚠ ${operationId}: the response breaks the spec at ${shown}; ${kept ? "kept as sent (lenient)" : "ResponseValidationError"}`,
      );
    },
  };
}

// Header names whose values are credentials: never written to the debug log.
const CREDENTIAL_HEADER = /auth|cookie|token|secret|key|pass|session|signature|credential/i;

/** `name: value; …` for the debug log, with credential-like headers' values hidden. */
function describeHeaders(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${CREDENTIAL_HEADER.test(name) ? "[redacted]" : value}`)
    .join("; ");
}
