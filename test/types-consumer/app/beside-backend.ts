// The same app beside @clerk/backend 3.25.0, whose @clerk/shared declares these
// global interfaces with an index signature: one declaration file types both
// SDKs, and the two agree on every type it declares.
import type {
  Organization as BackendOrganization,
  OrganizationMembership as BackendMembership,
  SessionAuthObject,
  User as BackendUser,
  UserJSON,
  WebhookEvent as BackendWebhookEvent,
} from "@clerk/backend";
import type { AuthorizationCheck, SessionAuth } from "clerk-fn/auth";
import type { Organization, OrganizationMembership, User } from "clerk-fn/models/components";
import type { WebhookEvent } from "clerk-fn/webhooks";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

type BackendSessionClaims = Extract<SessionAuthObject, { sessionClaims: object }>["sessionClaims"];
type BackendHas = Parameters<Extract<SessionAuthObject, { has: unknown }>["has"]>[0];

export type BesideBackend = [
  Expect<Equal<User["publicMetadata"]["plan"], BackendUser["publicMetadata"]["plan"]>>,
  Expect<Equal<NonNullable<User["unsafeMetadata"]>["theme"], BackendUser["unsafeMetadata"]["theme"]>>,
  Expect<Equal<Organization["publicMetadata"]["tier"], NonNullable<BackendOrganization["publicMetadata"]>["tier"]>>,
  Expect<Equal<OrganizationMembership["publicMetadata"]["title"], BackendMembership["publicMetadata"]["title"]>>,
  Expect<Equal<NonNullable<SessionAuth["sessionClaims"]>["metadata"], BackendSessionClaims["metadata"]>>,
  Expect<Equal<AuthorizationCheck["role"], BackendHas["role"]>>,
  Expect<
    Equal<
      NonNullable<Extract<WebhookEvent, { type: "user.created" }>["data"]["publicMetadata"]>["plan"],
      UserJSON["public_metadata"]["plan"]
    >
  >,
];

// A metadata value moves between the two SDKs without a cast, both ways.
export function interchange(ours: User, theirs: BackendUser): [BackendUser["publicMetadata"], User["publicMetadata"]] {
  return [ours.publicMetadata, theirs.publicMetadata];
}

// A user.created event (UserJSON's data in @clerk/backend) narrows the same way in both.
export function handle(evt: WebhookEvent, backendEvt: BackendWebhookEvent): void {
  if (evt.type === "user.created" && backendEvt.type === "user.created") {
    console.log(evt.data.id, backendEvt.data.id);
  }
}
