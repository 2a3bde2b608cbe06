import { redact } from "./redact.js";

/** Anything with `debug` or `log`, e.g. `console`. */
export type DebugLogger = { debug(...args: unknown[]): void } | { log(...args: unknown[]): void };

/** Writes one redacted line; a throwing logger is ignored (logging must not break a call). */
export function logLine(logger: DebugLogger | undefined, line: string, secret?: string): void {
  try {
    const write = logger && ("debug" in logger ? logger.debug : logger.log);
    write?.call(logger, `[clerk-fn] ${redact(line, secret)}`);
  } catch {
    // ignored on purpose
  }
}
