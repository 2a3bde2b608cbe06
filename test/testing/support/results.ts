// Small helpers that turn a Result into its value or its ClerkErrors, failing the test otherwise.
import { expect } from "vitest";
import { ClerkErrors } from "../../../src/errors/index.js";
import type { Result } from "../../../src/types/index.js";

export function unwrapOk<T>(result: Result<T, Error>): T {
  if (!result.ok) expect.fail(`expected ok, got ${result.error.name}: ${result.error.message}`);
  return result.value;
}

export function clerkErrorOf(result: Result<unknown, Error>): ClerkErrors {
  if (result.ok) expect.fail("expected a ClerkErrors result, got ok");
  if (!(result.error instanceof ClerkErrors))
    expect.fail(`expected ClerkErrors, got ${result.error.name}: ${result.error.message}`);
  return result.error;
}
