// One end-to-end scenario in plain fetch calls (no clerk-fn functions), runnable anywhere:
// in-process against fake.fetch, over fake.listen() with the global fetch, and bundled
// into workerd and edge-runtime. No test framework here: a failed check throws.
import type { ClerkFake } from "../../../src/testing/index.js";

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`scenario check failed: ${message}`);
}

/** Runs the scenario against `baseUrl` (…/v1) with `fetch`; returns the steps it passed. */
export async function directoryScenario(fake: ClerkFake, fetch: Fetch, baseUrl: string): Promise<string[]> {
  const steps: string[] = [];
  const call = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Json; headers: Headers }> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${fake.secretKey}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as Json, headers: response.headers };
  };

  const ada = await call("POST", "/users", {
    email_address: ["ada@example.com"],
    first_name: "Ada",
    username: "ada_l",
    public_metadata: { a: { x: 1 }, drop: true },
  });
  check(ada.status === 200 && /^user_\w{27}$/.test(ada.json["id"]), "CreateUser answers a user with a Clerk-format id");
  const alan = await call("POST", "/users", {
    email_address: ["alan@example.com"],
    first_name: "Alan",
    username: "alan_t",
  });
  const dup = await call("POST", "/users", { email_address: ["ADA@example.com"] });
  check(
    dup.status === 422 &&
      dup.json["errors"][0].code === "form_identifier_exists" &&
      typeof dup.json["clerk_trace_id"] === "string",
    "a taken email is 422 form_identifier_exists",
  );
  const missing = await call("POST", "/organizations", {});
  check(
    missing.status === 422 && missing.json["errors"][0].code === "form_param_missing",
    "a missing name is 422 form_param_missing",
  );
  steps.push("users created; duplicates and missing fields rejected");

  const byName = await call("GET", "/users?order_by=%2Bfirst_name&limit=1&offset=1");
  check(
    byName.json.length === 1 && byName.json[0].first_name === "Alan",
    "order_by=+first_name with limit/offset pages",
  );
  const filtered = await call("GET", "/users?email_address=alan@example.com");
  check(filtered.json.length === 1 && filtered.json[0].id === alan.json["id"], "email_address filter");
  const count = await call("GET", "/users/count?query=example.com");
  check(count.json["total_count"] === 2, "count with a query");
  steps.push("listed with order, paging and filters");

  const merged = await call("PATCH", `/users/${ada.json["id"]}/metadata`, {
    public_metadata: { a: { y: 2 }, drop: null },
  });
  check(
    JSON.stringify(merged.json["public_metadata"]) === JSON.stringify({ a: { x: 1, y: 2 } }),
    "metadata merge: nested merge, null deletes",
  );
  steps.push("metadata merged");

  const org = await call("POST", "/organizations", { name: "Engines", created_by: ada.json["id"] });
  check(org.json["members_count"] === 1, "the creator is the first member");
  const member = await call("POST", `/organizations/${org.json["id"]}/memberships`, {
    user_id: alan.json["id"],
    role: "org:member",
  });
  check(member.json["organization"]["members_count"] === 2, "members_count follows memberships");
  const bySlug = await call("GET", "/organizations/engines");
  check(bySlug.json["id"] === org.json["id"], "get by slug");
  steps.push("organization with members");

  fake.failNext({ operationId: "GetUserList", status: 503, retryAfterSeconds: 2 });
  const failed = await call("GET", "/users");
  check(failed.status === 503 && failed.headers.get("retry-after") === "2", "failNext answers 503 with Retry-After");
  fake.rateLimit({ requests: 1, perMs: 60_000 });
  await call("GET", "/users/count");
  const limited = await call("GET", "/users/count");
  check(
    limited.status === 429 && Number(limited.headers.get("retry-after")) > 0,
    "rateLimit answers 429 with Retry-After",
  );
  fake.rateLimit(undefined);
  const statuses = fake.requests
    .slice(-3)
    .map((r) => `${r.operationId} ${r.status}`)
    .join(", ");
  check(
    statuses === "GetUserList 503, GetUsersCount 200, GetUsersCount 429",
    `fake.requests shows the faults (${statuses})`,
  );
  steps.push("faults observed through fake.requests");

  const unmodelled = await call("GET", "/saml_connections");
  check(
    unmodelled.status === 501 && unmodelled.json["errors"][0].meta.operation_id === "ListSAMLConnections",
    "501 names the operation",
  );
  steps.push("501 for an unmodelled operation");
  return steps;
}
