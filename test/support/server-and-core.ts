import { ClerkCore } from "../../src/core.js";
import { startHttpServer, type TestServer } from "./http-server.js";

/**
 * A recording server and a ClerkCore pointed at it (no retries), for suites
 * that check what one call sends and how its answer is read.
 */
export async function startServerAndCore(bearerAuth: string): Promise<{ server: TestServer; clerk: ClerkCore }> {
  const server = await startHttpServer();
  const clerk = new ClerkCore({ serverUrl: `${server.url}/v1`, bearerAuth, retryConfig: { strategy: "none" } });
  return { server, clerk };
}
