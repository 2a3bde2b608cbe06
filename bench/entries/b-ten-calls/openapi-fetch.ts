import createClient from "openapi-fetch";
import type { paths } from "../../.work/openapi-typescript/schema.js";

export interface Options {
  serverUrl: string;
  secretKey: string;
  fetch?: typeof fetch;
}
type Query<P extends keyof paths, M extends "get"> = paths[P][M] extends { parameters: { query?: infer Q } }
  ? Q
  : never;
type Body<P extends keyof paths, M extends "post" | "patch"> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

export function client({ serverUrl, secretKey, fetch }: Options) {
  const api = createClient<paths>({ baseUrl: serverUrl, headers: { Authorization: `Bearer ${secretKey}` }, fetch });
  return {
    usersList: (query: Query<"/users", "get">) => api.GET("/users", { params: { query } }),
    usersGet: (user_id: string) => api.GET("/users/{user_id}", { params: { path: { user_id } } }),
    usersCreate: (body: Body<"/users", "post">) => api.POST("/users", { body }),
    usersUpdate: (user_id: string, body: Body<"/users/{user_id}", "patch">) =>
      api.PATCH("/users/{user_id}", { params: { path: { user_id } }, body }),
    organizationsCreate: (body: Body<"/organizations", "post">) => api.POST("/organizations", { body }),
    organizationsList: (query: Query<"/organizations", "get">) => api.GET("/organizations", { params: { query } }),
    organizationMembershipsCreate: (
      organization_id: string,
      body: Body<"/organizations/{organization_id}/memberships", "post">,
    ) => api.POST("/organizations/{organization_id}/memberships", { params: { path: { organization_id } }, body }),
    invitationsCreate: (body: Body<"/invitations", "post">) => api.POST("/invitations", { body }),
    sessionsList: (query: Query<"/sessions", "get">) => api.GET("/sessions", { params: { query } }),
    emailAddressesGet: (email_address_id: string) =>
      api.GET("/email_addresses/{email_address_id}", { params: { path: { email_address_id } } }),
  };
}
