import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("npm run demo", () => {
  it("runs against the local stand-in with no key and no network, and prints each Result", async () => {
    const env = { ...process.env };
    delete env["CLERK_SECRET_KEY"];
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "demo/main.ts"], {
      cwd: root,
      env,
      timeout: 60_000,
    });
    expect(stdout).toContain("Using a local stand-in Clerk API at http://127.0.0.1:");
    expect(stdout).toMatch(/usersList\(\{ limit: 2 \}\)\n  ok: user_2ada Ada Lovelace <ada@example.com>/);
    expect(stdout).toContain("attempt 1 of GetUsersCount got HTTP 503");
    expect(stdout).toMatch(/usersCount\(\) .*\n  ok: 2 users/);
    expect(stdout).toContain("error: ClerkErrors (HTTP 404)");
    expect(stdout).toContain("codes: resource_not_found");
    expect(stdout).toContain("error: InvalidRequestError");
    expect(stdout).toContain("error: ConnectionError");
    expect(stdout).not.toContain("sk_test_demo_standin_key");
  }, 60_000);
});
