// The table of modelled operations: operationId -> handler. Every other operation of the
// spec answers 501 naming itself (fake.ts).
import type { Handlers } from "./context.js";
import { identificationHandlers } from "./handlers/identifications.js";
import { identifierListHandlers } from "./handlers/identifier-lists.js";
import { invitationHandlers } from "./handlers/invitations.js";
import { membershipHandlers } from "./handlers/memberships.js";
import { organizationInvitationHandlers } from "./handlers/organization-invitations.js";
import { organizationRoleHandlers } from "./handlers/organization-roles.js";
import { organizationHandlers } from "./handlers/organizations.js";
import { machineTokenHandlers } from "./handlers/machine-tokens.js";
import { roleSetHandlers } from "./handlers/role-sets.js";
import { sessionHandlers } from "./handlers/sessions.js";
import { userHandlers } from "./handlers/users.js";
import { instanceListHandlers } from "./handlers/instance-lists.js";
import { sessionActionHandlers } from "./handlers/session-actions.js";
import { userBulkHandlers } from "./handlers/user-bulk.js";
import { userFactorHandlers } from "./handlers/user-factors.js";
import { billingHandlers } from "./handlers/billing.js";
import { clientHandlers } from "./handlers/clients.js";
import { domainHandlers } from "./handlers/domains.js";
import { machineHandlers } from "./handlers/machines.js";
import { oauthApplicationHandlers } from "./handlers/oauth-applications.js";
import { organizationDomainHandlers } from "./handlers/organization-domains.js";
import { redirectUrlHandlers } from "./handlers/redirect-urls.js";
import { testingTokenHandlers } from "./handlers/testing-tokens.js";
import { ticketHandlers } from "./handlers/tickets.js";
import { verificationHandlers } from "./handlers/verifications.js";
import { waitlistHandlers } from "./handlers/waitlist.js";

export const HANDLERS: Handlers = {
  ...userHandlers,
  ...identificationHandlers,
  ...organizationHandlers,
  ...membershipHandlers,
  ...organizationInvitationHandlers,
  ...invitationHandlers,
  ...identifierListHandlers,
  ...sessionHandlers,
  ...machineTokenHandlers,
  ...userFactorHandlers,
  ...userBulkHandlers,
  ...sessionActionHandlers,
  ...instanceListHandlers,
  ...verificationHandlers,
  ...clientHandlers,
  ...ticketHandlers,
  ...testingTokenHandlers,
  ...redirectUrlHandlers,
  ...domainHandlers,
  ...waitlistHandlers,
  ...oauthApplicationHandlers,
  ...organizationDomainHandlers,
  ...machineHandlers,
  ...billingHandlers,
  ...organizationRoleHandlers,
  ...roleSetHandlers,
};

/** The operationIds the fake serves, sorted (docs and tests list them). */
export const MODELLED_OPERATIONS: readonly string[] = Object.keys(HANDLERS).sort();
