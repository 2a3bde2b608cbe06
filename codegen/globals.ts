// Which free-form maps are typed by Clerk's global interfaces (UserPublicMetadata
// and the others, declared in src/types/clerk-globals.ts): a user's, an
// organisation's, a membership's, an invitation's and a sign-up's metadata, in
// responses, webhook data and request bodies alike. Every other free-form map
// (an external account's public metadata, a JWT template's claims...) stays
// Record<string, unknown>.
import type { Model, Node, Op } from "./ir.js";

type MetadataField = "public_metadata" | "private_metadata" | "unsafe_metadata";

/** Resource (its `object` value) → the global interface of each metadata field it has. */
const RESOURCES: Readonly<Record<string, Partial<Record<MetadataField, string>>>> = {
  user: {
    public_metadata: "UserPublicMetadata",
    private_metadata: "UserPrivateMetadata",
    unsafe_metadata: "UserUnsafeMetadata",
  },
  organization: { public_metadata: "OrganizationPublicMetadata", private_metadata: "OrganizationPrivateMetadata" },
  organization_membership: {
    public_metadata: "OrganizationMembershipPublicMetadata",
    private_metadata: "OrganizationMembershipPrivateMetadata",
  },
  organization_invitation: {
    public_metadata: "OrganizationInvitationPublicMetadata",
    private_metadata: "OrganizationInvitationPrivateMetadata",
  },
  // What an invitation or a sign-up carries becomes the new user's metadata when the user is created.
  invitation: { public_metadata: "UserPublicMetadata" },
  sign_up_attempt: { public_metadata: "UserPublicMetadata", unsafe_metadata: "SignUpUnsafeMetadata" },
};

/** A request body has no `object`: the path it is sent to names its resource (first match). */
const REQUEST_PATHS: readonly (readonly [RegExp, string])[] = [
  [/^\/organizations\/\{[^}]+\}\/memberships(\/|$)/, "organization_membership"],
  [/^\/organizations\/\{[^}]+\}\/invitations(\/|$)/, "organization_invitation"],
  [/^\/organizations(\/|$)/, "organization"],
  [/^\/invitations(\/|$)/, "invitation"],
  [/^\/users(\/|$)/, "user"],
  [/^\/sign_ups(\/|$)/, "sign_up_attempt"],
];

/** Marks each metadata map of a known resource with its global interface (`global` on the free node). */
export function tieMetadataToGlobals(models: ReadonlyMap<string, Model>, ops: readonly Op[]): void {
  for (const model of models.values()) {
    const object = model.props?.find((p) => p.wire === "object")?.node;
    if (object?.k === "string" && object.enum?.length === 1) tie(model, object.enum[0]!);
  }
  for (const op of ops) {
    const resource = REQUEST_PATHS.find(([path]) => path.test(op.path))?.[1];
    const body = op.body && bodyModel(models, op.body.node);
    if (resource && body) tie(body, resource);
  }
}

function tie(model: Model, resource: string): void {
  const fields = RESOURCES[resource];
  if (!fields) return;
  for (const prop of model.props ?? []) {
    const global = fields[prop.wire as MetadataField];
    if (global && prop.node.k === "free") prop.node.global = global;
  }
}

/** The object a body is, or is an array of (bulk operations), through named aliases. */
function bodyModel(models: ReadonlyMap<string, Model>, node: Node, seen = new Set<string>()): Model | undefined {
  if (node.k === "array") return bodyModel(models, node.items, seen);
  if (node.k !== "model" || seen.has(node.id)) return undefined; // an alias of itself (recursion) has no object
  seen.add(node.id);
  const model = models.get(node.id);
  return model?.alias ? bodyModel(models, model.alias, seen) : model;
}
