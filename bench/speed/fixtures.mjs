// Response bodies the speed benchmarks serve, built from the deterministic user generator.
import { makeUsers, loadSpec } from "../data/users.mjs";

export function fixtures() {
  const spec = loadSpec();
  const users = makeUsers(500, 20260512, spec);
  const emailAddress = users[0].email_addresses[0];
  return {
    emailAddressId: emailAddress.id,
    emailAddressJson: JSON.stringify(emailAddress),
    emailAddressText: emailAddress.email_address,
    usersJson: JSON.stringify(users),
    userCountJson: JSON.stringify({ object: "total_count", total_count: users.length }),
  };
}

/** A fetch that answers from memory: the client's own work is all that is left to time. */
export function stubFetch(f) {
  const email = new TextEncoder().encode(f.emailAddressJson);
  const users = new TextEncoder().encode(f.usersJson);
  const count = new TextEncoder().encode(f.userCountJson);
  const headers = { "content-type": "application/json" };
  return async function fetch(input) {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const body = url.includes("/users/count") ? count : url.includes("/users") ? users : email;
    return new Response(body, { status: 200, headers });
  };
}
