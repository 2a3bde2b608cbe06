// Organization domains: the email domains an organization claims, with their enrollment mode
// (invite or suggest users whose address is on the domain) and ownership verification.
import { param, type HandlerContext, type Handlers } from "../context.js";
import { duplicateRecord, notFound } from "../errors.js";
import { clerkId } from "../ids.js";
import { matchesQuery, orderBy, page, queryBool, queryList } from "../listing.js";
import type { OrganizationDomainRecord } from "../records.js";
import { validateBody } from "../validate.js";
import { deletedObject, findRecord } from "./find-record.js";
import { findOrganization } from "./lookup.js";
import { publicOrganizationData } from "./organization-shape.js";

const MODES = ["manual_invitation", "automatic_invitation", "automatic_suggestion", "enterprise_sso"] as const;

const hostFormat = (value: string): string | undefined =>
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(value)
    ? undefined
    : "must be a domain name";

function render(ctx: HandlerContext, domain: OrganizationDomainRecord): Record<string, unknown> {
  const organization = ctx.store.organizations.get(domain.organization_id);
  const verified = {
    status: "verified",
    strategy: "admin",
    attempts: null,
    expire_at: null,
    verified_at: domain.updated_at,
  };
  return {
    object: "organization_domain",
    id: domain.id,
    organization_id: domain.organization_id,
    name: domain.name,
    enrollment_mode: domain.enrollment_mode,
    affiliation_email_address: null,
    affiliation_verification: null,
    ownership_verification: null,
    verification: domain.verified ? verified : null,
    total_pending_invitations: 0,
    total_pending_suggestions: 0,
    public_organization_data: publicOrganizationData(organization),
    created_at: domain.created_at,
    updated_at: domain.updated_at,
  };
}

function create(ctx: HandlerContext) {
  const organization = findOrganization(ctx, param(ctx, "organization_id"));
  const body = validateBody(ctx.body, {
    name: { type: "string", required: true, format: hostFormat },
    enrollment_mode: { type: "string", oneOf: MODES },
    verified: { type: "boolean", nullable: true },
  });
  const name = (body["name"] as string).toLowerCase();
  // A domain belongs to one organization of the instance at most.
  for (const domain of ctx.store.organizationDomains.values())
    if (domain.name === name) throw duplicateRecord(`an organization domain named ${name}`);
  const now = ctx.now();
  const domain: OrganizationDomainRecord = {
    id: clerkId("orgdmn"),
    seq: ctx.nextSeq(),
    organization_id: organization.id,
    name,
    enrollment_mode:
      (body["enrollment_mode"] as OrganizationDomainRecord["enrollment_mode"] | undefined) ?? "manual_invitation",
    verified: body["verified"] !== false,
    created_at: now,
    updated_at: now,
  };
  ctx.store.organizationDomains.set(domain.id, domain);
  return render(ctx, domain);
}

function findDomain(ctx: HandlerContext): OrganizationDomainRecord {
  const organization = findOrganization(ctx, param(ctx, "organization_id"));
  const domain = findRecord(ctx.store.organizationDomains, param(ctx, "domain_id"), "Organization domain");
  if (domain.organization_id !== organization.id) throw notFound("Organization domain");
  return domain;
}

function update(ctx: HandlerContext) {
  const domain = findDomain(ctx);
  const body = validateBody(ctx.body, {
    enrollment_mode: { type: "string", nullable: true, oneOf: MODES },
    verified: { type: "boolean", nullable: true },
  });
  if (typeof body["enrollment_mode"] === "string")
    domain.enrollment_mode = body["enrollment_mode"] as OrganizationDomainRecord["enrollment_mode"];
  if (typeof body["verified"] === "boolean") domain.verified = body["verified"];
  domain.updated_at = ctx.now();
  return render(ctx, domain);
}

function filtered(ctx: HandlerContext, domains: OrganizationDomainRecord[]) {
  const verified = queryBool(ctx.query, "verified");
  const modes = queryList(ctx.query, "enrollment_mode");
  const names = queryList(ctx.query, "domains").map((d) => d.toLowerCase());
  const text = ctx.query.get("query");
  const matching = domains.filter(
    (d) =>
      (verified === undefined || d.verified === verified) &&
      (modes.length === 0 || modes.includes(d.enrollment_mode)) &&
      (names.length === 0 || names.includes(d.name)) &&
      (!text || matchesQuery(text, [d.name])),
  );
  const sorted = orderBy(matching, ctx.query, { created_at: (d) => d.created_at, name: (d) => d.name }, "-created_at");
  return { data: page(sorted, ctx.query).map((d) => render(ctx, d)), total_count: sorted.length };
}

function listForOrganization(ctx: HandlerContext) {
  const organization = findOrganization(ctx, param(ctx, "organization_id"));
  return filtered(
    ctx,
    [...ctx.store.organizationDomains.values()].filter((d) => d.organization_id === organization.id),
  );
}

function listAll(ctx: HandlerContext) {
  const organizations = queryList(ctx.query, "organization_id");
  return filtered(
    ctx,
    [...ctx.store.organizationDomains.values()].filter(
      (d) => organizations.length === 0 || organizations.includes(d.organization_id),
    ),
  );
}

export const organizationDomainHandlers: Handlers = {
  CreateOrganizationDomain: create,
  ListOrganizationDomains: listForOrganization,
  ListAllOrganizationDomains: listAll,
  UpdateOrganizationDomain: update,
  DeleteOrganizationDomain: (ctx) => {
    const domain = findDomain(ctx);
    ctx.store.organizationDomains.delete(domain.id);
    return deletedObject("organization_domain", domain.id);
  },
  // The fake cannot look up DNS: verifying ownership marks the domain verified.
  VerifyOrganizationDomainOwnership: (ctx) => {
    const domain = findDomain(ctx);
    domain.verified = true;
    domain.updated_at = ctx.now();
    return render(ctx, domain);
  },
};
