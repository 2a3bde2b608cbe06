import type { MachineTokenType } from "./token-type.js";

/**
 * What Clerk's verify endpoints tell us about a valid machine token, reduced to
 * the fields every kind shares (plus `clientId` for OAuth and `name` for API keys).
 */
export interface MachineRecord {
  readonly tokenType: MachineTokenType;
  readonly id: string;
  readonly subject: string;
  readonly clientId: string | null;
  readonly name: string | null;
  readonly scopes: string[];
  readonly claims: Record<string, unknown> | null;
}
