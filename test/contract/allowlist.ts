/**
 * Response-side checks that fail because Prism's own answer violates Clerk's
 * spec (a defect of the document, see ../shared/openapi/README.md), not
 * because of the client. Request-side checks (minimal, maximal) can never be
 * listed. An entry whose check starts passing fails the suite, so this list
 * only shrinks.
 *
 * The default (lenient) mode decodes these bodies too, so the
 * static and dynamic columns need no entry: what is left is the "strict"
 * column, where `responseValidation: "strict"` rightly answers
 * ResponseValidationError for Prism's off-spec examples.
 */
export type ResponseCheck = "static" | "dynamic" | "strict" | "errors";

export interface AllowlistEntry {
  /** The generated function's name. */
  readonly fn: string;
  readonly check: ResponseCheck;
  /** Which spec defect makes Prism's response invalid, with the evidence seen. */
  readonly reason: string;
}

// Spec defect: SAMLConnection / EnterpriseConnection are a top-level `anyOf` whose
// branches hold only `required` lists. Prism's static example for the nested
// `saml_accounts[].saml_connection` of a User is then `{}`, and Prism itself
// reports it ("must have required property 'id'", "'name'", "'active'", …).
// Strict mode rightly answers ResponseValidationError (missing required fields).
// Dynamic mode generates a complete object, so only "static" is listed.
const USER_SAML_CONNECTION =
  "Prism's static User example has saml_accounts[].saml_connection = {} (anyOf of required-only branches in SAMLConnection); Prism flags the missing id/name/active itself";

// Same defect at the top level: the static example of a SAMLConnection lacks
// object, id, name, … and Prism reports "must match a schema in anyOf".
const SAML_CONNECTION_BODY =
  "Prism's static SAMLConnection example misses object/id/name (top-level anyOf of required-only branches); Prism flags its own body";

export const ALLOWLIST: readonly AllowlistEntry[] = [
  { fn: "usersBan", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersBulkBan", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersBulkUnban", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersCreate", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersDeleteProfileImage", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersGet", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersList", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersLock", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersRemovePassword", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersReplaceMetadata", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersSetPasswordCompromised", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersSetProfileImage", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersUnban", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersUnlock", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersUnsetPasswordCompromised", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersUpdate", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "usersUpdateMetadata", check: "strict", reason: USER_SAML_CONNECTION },
  { fn: "samlConnectionsCreate", check: "strict", reason: SAML_CONNECTION_BODY },
  { fn: "samlConnectionsGet", check: "strict", reason: SAML_CONNECTION_BODY },
  { fn: "samlConnectionsList", check: "strict", reason: SAML_CONNECTION_BODY },
  { fn: "samlConnectionsUpdate", check: "strict", reason: SAML_CONNECTION_BODY },
];
