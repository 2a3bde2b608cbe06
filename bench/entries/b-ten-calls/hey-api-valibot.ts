import { createClient, createConfig } from "../../.work/hey-api/client/index.js";
import {
  createInvitation,
  createOrganization,
  createOrganizationMembership,
  createUser,
  getEmailAddress,
  getSessionList,
  getUser,
  getUserList,
  listOrganizations,
  updateUser,
} from "../../.work/hey-api/sdk.gen.js";

export interface Options {
  serverUrl: string;
  secretKey: string;
  fetch?: typeof fetch;
}
type Opts<F extends (options: never) => unknown> = Omit<Parameters<F>[0], "client">;

export function client({ serverUrl, secretKey, fetch }: Options) {
  const api = createClient(createConfig({ baseUrl: serverUrl, auth: secretKey, fetch }));
  return {
    usersList: (o: Opts<typeof getUserList>) => getUserList({ ...o, client: api }),
    usersGet: (o: Opts<typeof getUser>) => getUser({ ...o, client: api }),
    usersCreate: (o: Opts<typeof createUser>) => createUser({ ...o, client: api }),
    usersUpdate: (o: Opts<typeof updateUser>) => updateUser({ ...o, client: api }),
    organizationsCreate: (o: Opts<typeof createOrganization>) => createOrganization({ ...o, client: api }),
    organizationsList: (o: Opts<typeof listOrganizations>) => listOrganizations({ ...o, client: api }),
    organizationMembershipsCreate: (o: Opts<typeof createOrganizationMembership>) =>
      createOrganizationMembership({ ...o, client: api }),
    invitationsCreate: (o: Opts<typeof createInvitation>) => createInvitation({ ...o, client: api }),
    sessionsList: (o: Opts<typeof getSessionList>) => getSessionList({ ...o, client: api }),
    emailAddressesGet: (o: Opts<typeof getEmailAddress>) => getEmailAddress({ ...o, client: api }),
  };
}
