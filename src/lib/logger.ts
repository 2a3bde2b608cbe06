import { redact } from "./redact.js";

/** Anything with `debug` or `log`, e.g. `console`. */
export type DebugLogger = { debug(...args: unknown[]): void } | { log(...args: unknown[]): void };

/** Writes one redacted line; a throwing logger is ignored (logging must not break a call). */
export function logLine(logger: DebugLogger | undefined, line: string, secret?: string): void {
  if (!logger) return;
  try {
    const text = `[clerk-fn] ${redact(line, secret)}`;
    if ("debug" in logger && typeof logger.debug === "function") logger.debug(text);
    else (logger as { log(...args: unknown[]): void }).log(text);
  } catch {
    // ignored on purpose
  }
}
