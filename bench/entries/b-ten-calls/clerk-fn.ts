import { ClerkCore } from "../../../src/core.js";
import { emailAddressesGet } from "../../../src/funcs/emailAddressesGet.js";
import { invitationsCreate } from "../../../src/funcs/invitationsCreate.js";
import { organizationMembershipsCreate } from "../../../src/funcs/organizationMembershipsCreate.js";
import { organizationsCreate } from "../../../src/funcs/organizationsCreate.js";
import { organizationsList } from "../../../src/funcs/organizationsList.js";
import { sessionsList } from "../../../src/funcs/sessionsList.js";
import { usersCreate } from "../../../src/funcs/usersCreate.js";
import { usersGet } from "../../../src/funcs/usersGet.js";
import { usersList } from "../../../src/funcs/usersList.js";
import { usersUpdate } from "../../../src/funcs/usersUpdate.js";

export interface Options {
  serverUrl: string;
  secretKey: string;
  fetch?: typeof fetch;
}
type Req<F extends (...args: never[]) => unknown> = Parameters<F>[1];

export function client({ serverUrl, secretKey, fetch }: Options) {
  const core = new ClerkCore({ bearerAuth: secretKey, serverUrl, fetch });
  return {
    usersList: (r: Req<typeof usersList>) => usersList(core, r),
    usersGet: (r: Req<typeof usersGet>) => usersGet(core, r),
    usersCreate: (r: Req<typeof usersCreate>) => usersCreate(core, r),
    usersUpdate: (r: Req<typeof usersUpdate>) => usersUpdate(core, r),
    organizationsCreate: (r: Req<typeof organizationsCreate>) => organizationsCreate(core, r),
    organizationsList: (r: Req<typeof organizationsList>) => organizationsList(core, r),
    organizationMembershipsCreate: (r: Req<typeof organizationMembershipsCreate>) =>
      organizationMembershipsCreate(core, r),
    invitationsCreate: (r: Req<typeof invitationsCreate>) => invitationsCreate(core, r),
    sessionsList: (r: Req<typeof sessionsList>) => sessionsList(core, r),
    emailAddressesGet: (r: Req<typeof emailAddressesGet>) => emailAddressesGet(core, r),
  };
}
