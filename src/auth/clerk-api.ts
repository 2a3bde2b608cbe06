// TEMPORARY: replaced once ClerkCore and the generated functions land.
import { err, type Result } from "../types/index.js";
import type { MachineRecord } from "./machine-record.js";
import { fail, type TokenVerificationError } from "./reasons.js";
import type { MachineTokenType } from "./token-type.js";

export interface ClerkApiSettings {
  readonly serverUrl?: string | undefined;
  readonly fetch?: typeof fetch | undefined;
  readonly apiVersion?: string | undefined;
}

export function apiScope(settings: ClerkApiSettings): { serverUrl: string; apiVersion: string } {
  return { serverUrl: settings.serverUrl ?? "https://api.clerk.com/v1", apiVersion: settings.apiVersion ?? "2026-05-12" };
}

export async function loadJwks(_settings: ClerkApiSettings, _secretKey: string): Promise<Result<unknown, TokenVerificationError>> {
  return err(fail("unexpected-error", "not wired yet"));
}

export async function verifyMachineTokenRemotely(
  _settings: ClerkApiSettings,
  _type: MachineTokenType,
  _token: string,
  _bearer: string,
): Promise<Result<MachineRecord, TokenVerificationError>> {
  return err(fail("unexpected-error", "not wired yet"));
}
