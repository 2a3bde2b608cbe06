// The floor for ten calls: one generic helper, no validation, no renaming.
export interface Options {
  serverUrl: string;
  secretKey: string;
  fetch?: typeof fetch;
}
type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export function client({ serverUrl, secretKey, fetch: f = fetch }: Options) {
  async function call(method: string, path: string, query?: Query, body?: unknown): Promise<unknown> {
    const url = new URL(serverUrl + path);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
    }
    const res = await f(url, {
      method,
      headers: {
        Authorization: `Bearer ${secretKey}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  }
  const id = encodeURIComponent;
  return {
    usersList: (q?: Query) => call("GET", "/users", q),
    usersGet: (userId: string) => call("GET", `/users/${id(userId)}`),
    usersCreate: (body: unknown) => call("POST", "/users", undefined, body),
    usersUpdate: (userId: string, body: unknown) => call("PATCH", `/users/${id(userId)}`, undefined, body),
    organizationsCreate: (body: unknown) => call("POST", "/organizations", undefined, body),
    organizationsList: (q?: Query) => call("GET", "/organizations", q),
    organizationMembershipsCreate: (orgId: string, body: unknown) =>
      call("POST", `/organizations/${id(orgId)}/memberships`, undefined, body),
    invitationsCreate: (body: unknown) => call("POST", "/invitations", undefined, body),
    sessionsList: (q?: Query) => call("GET", "/sessions", q),
    emailAddressesGet: (emailAddressId: string) => call("GET", `/email_addresses/${id(emailAddressId)}`),
  };
}
