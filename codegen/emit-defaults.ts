// src/lib/defaults.ts: the spec's server, retry policy and version, plus the package version.
import type { IR } from "./ir.js";

export function emitDefaults(ir: IR, sdkVersion: string, banner: string): string {
  const r = (ir.retries ?? {}) as {
    strategy?: string;
    backoff?: Record<string, unknown>;
    statusCodes?: unknown[];
    retryConnectionErrors?: boolean;
  };
  let retry = `{ strategy: "none" }`;
  if (r.strategy === "backoff") {
    const b = r.backoff ?? {};
    const backoff = ["initialInterval", "maxInterval", "exponent", "maxElapsedTime"]
      .filter((k) => typeof b[k] === "number")
      .map((k) => `${k}: ${b[k]}`)
      .join(", ");
    const codes = Array.isArray(r.statusCodes)
      ? r.statusCodes.map((c: unknown) => (/^\d+$/.test(String(c)) ? String(c) : JSON.stringify(String(c))))
      : [];
    retry = `{\n  strategy: "backoff",\n  backoff: { ${backoff} },\n  statusCodes: [${codes.join(", ")}],\n  retryConnectionErrors: ${r.retryConnectionErrors === true},\n}`;
  }
  return `${banner}
import type { RetryConfig } from "../retries/config.js";

export const DEFAULT_SERVER_URL = ${JSON.stringify(ir.serverUrl)};

export const DEFAULT_RETRY_CONFIG: RetryConfig = ${retry};

export const API_VERSION = ${JSON.stringify(ir.version)};

export const SDK_VERSION = ${JSON.stringify(sdkVersion)};
`;
}
