// The same fake over HTTP: fake.listen() and the clerk-fn-fake bin, used with plain fetch.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ClerkCore } from "../../src/core.js";
import { usersList } from "../../src/funcs/usersList.js";
import { createClerkFake } from "../../src/testing/index.js";
import { checkedFetch, useSpecCheck } from "./support/checked.js";
import { directoryScenario } from "./support/http-scenario.js";
import { unwrapOk } from "./support/results.js";

useSpecCheck("listen.test.ts");
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("fake.listen()", () => {
  it("runs the scenario in-process with fake.fetch", async () => {
    const fake = createClerkFake();
    expect(await directoryScenario(fake, checkedFetch(fake.fetch), fake.serverUrl)).toHaveLength(6);
  });

  it("runs the same scenario over HTTP on 127.0.0.1 with plain fetch, sharing state with fake.fetch", async () => {
    const fake = createClerkFake();
    const server = await fake.listen();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(await directoryScenario(fake, checkedFetch(globalThis.fetch), server.url)).toHaveLength(6);
      // One state behind both doors: what HTTP created, the in-process fetch sees.
      const core = new ClerkCore({
        bearerAuth: fake.secretKey,
        serverUrl: fake.serverUrl,
        fetch: checkedFetch(fake.fetch),
      });
      expect(unwrapOk(await usersList(core, { orderBy: "first_name" })).map((u) => u.firstName)).toEqual([
        "Ada",
        "Alan",
      ]);
      const overHttp = new ClerkCore({
        bearerAuth: fake.secretKey,
        serverUrl: server.url,
        fetch: checkedFetch(globalThis.fetch),
      });
      expect(unwrapOk(await usersList(overHttp, { username: ["alan_t"] })).map((u) => u.firstName)).toEqual(["Alan"]);
    } finally {
      await server.close();
    }
  });

  it("the clerk-fn-fake bin prints its URL and secret key and serves requests", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/testing/bin.ts", "--port", "0", "--secret-key", "sk_test_from_the_cli"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      let output = "";
      child.stdout.setEncoding("utf8");
      while (!output.includes("secret key:")) {
        const [chunk] = (await once(child.stdout, "data")) as [string];
        output += chunk;
      }
      const url = /listening at (\S+)/.exec(output)?.[1];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(output).toContain("secret key: sk_test_from_the_cli");
      const response = await checkedFetch(globalThis.fetch)(`${url}/users/count`, {
        headers: { authorization: "Bearer sk_test_from_the_cli" },
      });
      expect(await response.json()).toEqual({ object: "total_count", total_count: 0 });
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  });
});
