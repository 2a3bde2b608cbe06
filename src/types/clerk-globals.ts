// Clerk's global interfaces: an app declares its metadata, session claims and
// roles once, in a .d.ts, and every Clerk SDK reads them:
//
//   declare global {
//     interface UserPublicMetadata { plan: "free" | "pro" }
//   }
//
// They are declared here empty, never with an index signature: @clerk/shared
// declares the same interfaces with `[k: string]: unknown`, and a second
// declaration of that signature would be error TS2374 for apps that use both.
// Whether the app declared anything is read from the members instead
// (`Declared`). Types only: this module has no run-time code.

/* eslint-disable @typescript-eslint/no-empty-object-type -- declared empty on purpose, for apps to add to */
declare global {
  interface UserPublicMetadata {}
  interface UserPrivateMetadata {}
  interface UserUnsafeMetadata {}
  interface OrganizationPublicMetadata {}
  interface OrganizationPrivateMetadata {}
  interface OrganizationMembershipPublicMetadata {}
  interface OrganizationMembershipPrivateMetadata {}
  interface OrganizationInvitationPublicMetadata {}
  interface OrganizationInvitationPrivateMetadata {}
  interface SignUpUnsafeMetadata {}
  interface CustomJwtSessionClaims {}
  /** `{ role: "org:admin" | "org:member"; permission: "org:posts:edit" }`: the keys `checkAuthorization` takes. */
  interface ClerkAuthorization {}
}
/* eslint-enable @typescript-eslint/no-empty-object-type */

/**
 * A metadata map typed by one of Clerk's global interfaces: `Record<string,
 * unknown>` while nothing is declared; once the app declares members, those
 * members, with other keys still allowed as Clerk's own types allow them (the
 * interface as it is when @clerk/shared already gave it an index signature).
 */
export type Declared<Global> = [keyof Global] extends [never]
  ? Record<string, unknown>
  : string extends keyof Global
    ? Global
    : Global & Record<string, unknown>;

/** The app's `CustomJwtSessionClaims`, to intersect with the standard claims (`unknown` adds nothing). */
export type CustomClaims = [keyof CustomJwtSessionClaims] extends [never] ? unknown : CustomJwtSessionClaims;

/** A role or permission key: what the app declared in `ClerkAuthorization`, else any string. */
export type AuthorizationKey<Kind extends "role" | "permission"> = ClerkAuthorization extends {
  readonly [K in Kind]: infer Key extends string;
}
  ? Key
  : string;
