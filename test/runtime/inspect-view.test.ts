// Node's inspect view of errors comes with the package's Node entries (src/node/,
// the "node" export condition) and not with the code a browser or worker bundle
// takes: an error has it only once src/lib/inspect-view.ts has loaded.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ClerkCore } from "../../src/core.js";
import { usersGet } from "../../src/funcs/usersGet.js";
import { startHttpServer, type TestServer } from "../support/http-server.js";

const VIEW = Symbol.for("nodejs.util.inspect.custom");
const KEY = "sk_test_inspectview0123456789";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the errors' inspect view", () => {
  it("is absent from the shared code and present once the Node entry's module has loaded", async () => {
    // A proxy that echoes the request's Authorization header in its error page.
    server = await startHttpServer((s, res) =>
      res.writeHead(502, { "content-type": "text/plain" }).end(`upstream said no to ${s.headers.authorization}`),
    );
    const core = new ClerkCore({ bearerAuth: KEY, serverUrl: server.url, retryConfig: { strategy: "none" } });
    const before = await usersGet(core, { userId: "u" });
    expect(before.error?.name).toBe("APIError");
    expect((before.error as unknown as Record<symbol, unknown>)[VIEW]).toBeUndefined();
    // Without the view, Node prints the raw body: the echoed key shows.
    expect(inspect(before.error)).toContain(KEY);

    await import("../../src/lib/inspect-view.js");
    const after = await usersGet(core, { userId: "u" });
    const text = inspect(after.error);
    expect(text.startsWith(`APIError: ${after.error!.message}\n    at `)).toBe(true);
    expect(text).toContain("statusCode: 502");
    expect(text).not.toContain(KEY);
    // The view belongs to every clerk-fn error, the one made before it loaded too.
    expect(inspect(before.error)).not.toContain(KEY);
  });
});
