export { SDKBaseError } from "./sdkBaseError.js";
export type { HttpErrorInit } from "./sdkBaseError.js";
export { ClerkErrors } from "./clerkErrors.js";
export { ClerkError$inbound, ClerkErrorsData$inbound, parseClerkErrors } from "./clerkErrorsData.js";
export type { ClerkError, ClerkErrorsData } from "./clerkErrorsData.js";
export { APIError } from "./apiError.js";
export { ResponseValidationError } from "./responseValidationError.js";
export { InvalidRequestError } from "./invalidRequestError.js";
export type { ValidationIssue } from "./issues.js";
export { ConnectionError } from "./connectionError.js";
export { RequestTimeoutError } from "./requestTimeoutError.js";
export { RequestAbortedError } from "./requestAbortedError.js";
export { UnexpectedClientError } from "./unexpectedClientError.js";

import type { APIError } from "./apiError.js";
import type { ClerkErrors } from "./clerkErrors.js";
import type { ConnectionError } from "./connectionError.js";
import type { InvalidRequestError } from "./invalidRequestError.js";
import type { RequestAbortedError } from "./requestAbortedError.js";
import type { RequestTimeoutError } from "./requestTimeoutError.js";
import type { ResponseValidationError } from "./responseValidationError.js";
import type { UnexpectedClientError } from "./unexpectedClientError.js";

/** Errors every operation can return, whatever its spec says. */
export type TransportErrors =
  InvalidRequestError | ConnectionError | RequestTimeoutError | RequestAbortedError | UnexpectedClientError;

/** Errors an operation with a JSON response can return (the usual `<Op>Error` union). */
export type OperationErrors = ClerkErrors | APIError | ResponseValidationError | TransportErrors;
