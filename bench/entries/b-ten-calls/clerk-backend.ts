import { createClerkClient } from "@clerk/backend";

export interface Options {
  serverUrl: string;
  secretKey: string;
  fetch?: typeof fetch;
}
type Api = ReturnType<typeof createClerkClient>;

export function client({ serverUrl, secretKey }: Options) {
  const clerk = createClerkClient({ secretKey, apiUrl: serverUrl.replace(/\/v1$/, ""), apiVersion: "v1" });
  return {
    usersList: (p: Parameters<Api["users"]["getUserList"]>[0]) => clerk.users.getUserList(p),
    usersGet: (userId: string) => clerk.users.getUser(userId),
    usersCreate: (p: Parameters<Api["users"]["createUser"]>[0]) => clerk.users.createUser(p),
    usersUpdate: (userId: string, p: Parameters<Api["users"]["updateUser"]>[1]) => clerk.users.updateUser(userId, p),
    organizationsCreate: (p: Parameters<Api["organizations"]["createOrganization"]>[0]) =>
      clerk.organizations.createOrganization(p),
    organizationsList: (p: Parameters<Api["organizations"]["getOrganizationList"]>[0]) =>
      clerk.organizations.getOrganizationList(p),
    organizationMembershipsCreate: (p: Parameters<Api["organizations"]["createOrganizationMembership"]>[0]) =>
      clerk.organizations.createOrganizationMembership(p),
    invitationsCreate: (p: Parameters<Api["invitations"]["createInvitation"]>[0]) =>
      clerk.invitations.createInvitation(p),
    sessionsList: (p: Parameters<Api["sessions"]["getSessionList"]>[0]) => clerk.sessions.getSessionList(p),
    emailAddressesGet: (id: string) => clerk.emailAddresses.getEmailAddress(id),
  };
}
