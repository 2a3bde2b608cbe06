// Clerk's error bodies ({ errors: [{ code, message, long_message, meta }], clerk_trace_id }).
// Handlers throw a FakeApiError; the dispatcher turns it into the response Clerk would send.

export interface ClerkErrorEntry {
  readonly code: string;
  readonly message: string;
  readonly long_message: string;
  readonly meta?: Record<string, unknown>;
}

export class FakeApiError extends Error {
  override readonly name = "FakeApiError";
  constructor(
    readonly status: number,
    readonly errors: readonly ClerkErrorEntry[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(errors[0]?.long_message ?? `HTTP ${status}`);
  }
}

function error(
  status: number,
  code: string,
  message: string,
  longMessage: string,
  meta?: Record<string, unknown>,
): FakeApiError {
  return new FakeApiError(status, [{ code, message, long_message: longMessage, ...(meta ? { meta } : {}) }]);
}

export const notFound = (what = "Resource"): FakeApiError =>
  error(404, "resource_not_found", "not found", `${what} not found`);

/** Revoking an application invitation that is no longer pending (`code` names the kind of invitation). */
export const notPending = (code: string, status: string): FakeApiError =>
  error(400, code, "not pending", `Only pending invitations can be revoked; this one is ${status}.`, {});

/** Clerk's answer to a missing or wrong secret key, or one sent without the Bearer scheme. */
export const unauthorized = (): FakeApiError => {
  const text = "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.";
  return error(401, "clerk_key_invalid", text, text);
};

/** A machine-token operation called with an ak_ key that is no machine's. */
export const machineSecretKeyInvalid = (): FakeApiError => {
  const text = "The provided Machine Secret Key is invalid. Make sure that your Machine Secret Key is correct.";
  return error(401, "machine_secret_key_invalid", text, text);
};

export const passwordTooShort = (): FakeApiError =>
  error(
    422,
    "form_password_length_too_short",
    "Passwords must be 8 characters or more.",
    "Passwords must be 8 characters or more.",
    { param_name: "password" },
  );

export const usernameInvalidLength = (): FakeApiError =>
  error(
    422,
    "form_username_invalid_length",
    "Username must be between 4 and 64 characters long.",
    "Username must be between 4 and 64 characters long.",
    { param_name: "username" },
  );

export const usernameInvalidCharacter = (): FakeApiError =>
  error(
    422,
    "form_username_invalid_character",
    "Username can only contain letters, numbers and '_' or '-'.",
    "Username can only contain letters, numbers and '_' or '-'.",
    { param_name: "username" },
  );

/** CreateOrganization's created_by names no user. */
export const creatorNotFound = (): FakeApiError =>
  error(400, "organization_creator_not_found", "creator not found", "The user given as created_by does not exist.", {
    param_name: "created_by",
  });

/** A second pending invitation to the same organization for the same address. */
export const organizationInvitationNotUnique = (email: string): FakeApiError =>
  error(
    400,
    "organization_invitation_not_unique",
    "duplicate invitation",
    `There is already a pending invitation for ${email} to this organization.`,
    { param_name: "email_address" },
  );

export const paramMissing = (param: string): FakeApiError =>
  error(422, "form_param_missing", "missing required parameter", `${param} must be included.`, { param_name: param });

export const formatInvalid = (param: string, why = "is invalid"): FakeApiError =>
  error(422, "form_param_format_invalid", "is invalid", `${param} ${why}.`, { param_name: param });

export const identifierExists = (param: string): FakeApiError =>
  error(
    422,
    "form_identifier_exists",
    "That identifier is taken. Please try another.",
    `That ${param.replace(/_/g, " ")} is taken. Please try another.`,
    { param_name: param },
  );

export const alreadyAMember = (userId: string): FakeApiError =>
  error(
    400,
    "already_a_member_in_organization",
    "already a member",
    `User ${userId} is already a member of the organization.`,
    {},
  );

export const notAMember = (): FakeApiError =>
  error(
    422,
    "not_a_member_in_organization",
    "not a member",
    "The user is not a member of the active organization.",
    {},
  );

export const membershipQuotaExceeded = (limit: number): FakeApiError =>
  error(
    403,
    "organization_membership_quota_exceeded",
    "membership quota exceeded",
    `The organization allows at most ${limit} members.`,
    {},
  );

/** createM2MToken called with the instance secret key instead of a machine's. */
export const machineSecretKeyRequired = (): FakeApiError =>
  error(
    400,
    "machine_secret_key_required",
    "machine secret key required",
    "Create M2M tokens with a machine's secret key as the bearer token, not the instance secret key.",
    {},
  );

/** A change the role catalog refuses (a system permission, a role in use...); the codes are the fake's own. */
export const catalogConflict = (status: number, code: string, longMessage: string): FakeApiError =>
  error(status, code, code.replace(/_/g, " "), longMessage, {});

/** A bug in the fake itself (anything thrown that is not a FakeApiError). */
export const internalError = (cause: unknown): FakeApiError =>
  error(500, "internal_clerk_error", "fake failure", `The fake failed: ${String(cause)}`, {});

export const duplicateRecord = (what: string): FakeApiError =>
  error(422, "duplicate_record", "duplicate record", `There is already ${what}.`);

export const malformedBody = (): FakeApiError =>
  error(400, "malformed_request", "malformed request", "The request body is not valid JSON.");

export const notImplemented = (operationId: string): FakeApiError =>
  error(
    501,
    "operation_not_modelled",
    "not modelled by the fake",
    `The clerk-fn fake does not model the operation ${operationId}; see docs/testing.md for the operations it serves.`,
    { operation_id: operationId },
  );

export const routeNotFound = (method: string, path: string): FakeApiError =>
  error(404, "resource_not_found", "not found", `No Backend API operation answers ${method} ${path}.`);

export const injected = (status: number, retryAfterSeconds?: number): FakeApiError =>
  new FakeApiError(
    status,
    [
      {
        code: status === 429 ? "too_many_requests" : "injected_failure",
        message: status === 429 ? "Too many requests" : "Injected failure",
        long_message: `fake.failNext: this request was answered with HTTP ${status}.`,
      },
    ],
    retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) },
  );

export const rateLimited = (retryAfterSeconds: number): FakeApiError =>
  new FakeApiError(
    429,
    [
      {
        code: "too_many_requests",
        message: "Too many requests",
        long_message: "Rate limit exceeded (fake.rateLimit); retry after the time in Retry-After.",
      },
    ],
    { "retry-after": String(retryAfterSeconds) },
  );

/** The response for an error, with a fresh trace id as Clerk adds to every error. */
export function errorResponse(failure: FakeApiError, traceId: string): Response {
  const body = { errors: failure.errors, meta: {}, clerk_trace_id: traceId };
  return new Response(JSON.stringify(body), {
    status: failure.status,
    headers: { "content-type": "application/json", ...failure.headers },
  });
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}
