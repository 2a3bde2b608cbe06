// An app that declares none of Clerk's global interfaces: every metadata map
// and the claims stay open records, as before clerk-fn read those interfaces,
// and webhook events still narrow by `type`.
import { ClerkCore } from "clerk-fn/core";
import { usersUpdateMetadata } from "clerk-fn/funcs";
import type { Organization, User } from "clerk-fn/models/components";
import type { AuthorizationCheck, SessionAuth } from "clerk-fn/auth";
import type { SeedUser } from "clerk-fn/testing";
import type { WebhookEvent } from "clerk-fn/webhooks";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
/** Each assignable to the other (beside @clerk/shared the map is its index-signature interface). */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type Claims = NonNullable<SessionAuth["sessionClaims"]>;

export type Undeclared = [
  Expect<Mutual<User["publicMetadata"], Record<string, unknown>>>,
  Expect<Mutual<NonNullable<User["privateMetadata"]>, Record<string, unknown>>>,
  Expect<Mutual<Organization["publicMetadata"], Record<string, unknown>>>,
  Expect<Mutual<NonNullable<SeedUser["publicMetadata"]>, Record<string, unknown>>>,
  Expect<Equal<User["publicMetadata"]["plan"], unknown>>,
  Expect<Equal<Claims["anything"], unknown>>,
  Expect<Equal<Claims["sub"], string>>,
  Expect<Equal<AuthorizationCheck["role"], string | undefined>>,
  Expect<Equal<AuthorizationCheck["permission"], string | undefined>>,
];

export async function handler(evt: WebhookEvent, userId: string): Promise<void> {
  await usersUpdateMetadata(new ClerkCore({ bearerAuth: "sk_test_x" }), {
    userId,
    requestBody: { publicMetadata: { plan: "gold", nested: { any: ["thing"] } } },
  });
  if (evt.type === "user.created") console.log(evt.data.id, evt.data.publicMetadata?.plan);
}
