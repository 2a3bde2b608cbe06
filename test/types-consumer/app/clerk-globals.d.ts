// What a Clerk app declares once, in a .d.ts of its own, as Clerk's docs describe:
// the same file types @clerk/backend and clerk-fn.
export {};

declare global {
  interface UserPublicMetadata {
    plan: "free" | "pro";
    seats?: number;
  }
  interface UserPrivateMetadata {
    stripeCustomerId?: string;
  }
  interface UserUnsafeMetadata {
    theme?: "light" | "dark";
  }
  interface OrganizationPublicMetadata {
    tier: "team" | "enterprise";
  }
  interface OrganizationPrivateMetadata {
    billingId?: string;
  }
  interface OrganizationMembershipPublicMetadata {
    title?: string;
  }
  interface OrganizationMembershipPrivateMetadata {
    costCentre?: number;
  }
  interface OrganizationInvitationPublicMetadata {
    source: "dashboard" | "api";
  }
  interface OrganizationInvitationPrivateMetadata {
    campaign?: string;
  }
  interface SignUpUnsafeMetadata {
    referral?: string;
  }
  interface CustomJwtSessionClaims {
    metadata: { onboarded: boolean };
    primaryEmail?: string;
  }
  interface ClerkAuthorization {
    role: "org:admin" | "org:member";
    permission: "org:posts:edit" | "org:posts:read";
  }
}
