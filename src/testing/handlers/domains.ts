// The instance's domains: its primary domain (always there, not deletable) and the satellite
// domains added to it.
import { param, type HandlerContext, type Handlers } from "../context.js";
import { FakeApiError, duplicateRecord, formatInvalid } from "../errors.js";
import { clerkId } from "../ids.js";
import type { DomainRecord } from "../records.js";
import { validateBody } from "../validate.js";
import { deletedObject, findRecord } from "./find-record.js";

const PRIMARY_NAME = "fake.clerk.accounts.dev";

const hostFormat = (value: string): string | undefined =>
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(value)
    ? undefined
    : "must be a domain name";
const urlFormat = (value: string): string | undefined =>
  /^https:\/\/\S+$/.test(value) ? undefined : "must be an https URL";

const primaryId = (ctx: HandlerContext): string => `dmn_${ctx.store.instanceId.replace(/^ins_/, "")}`;

function render(domain: { id: string; name: string; is_satellite: boolean; proxy_url: string | null }) {
  return {
    object: "domain",
    id: domain.id,
    name: domain.name,
    is_satellite: domain.is_satellite,
    frontend_api_url: domain.proxy_url ?? `https://clerk.${domain.name}`,
    accounts_portal_url: domain.is_satellite ? null : `https://accounts.${domain.name}`,
    proxy_url: domain.proxy_url,
    development_origin: "",
  };
}

const primary = (ctx: HandlerContext) => ({
  id: primaryId(ctx),
  name: PRIMARY_NAME,
  is_satellite: false,
  proxy_url: null,
});

function findSatellite(ctx: HandlerContext): DomainRecord {
  if (param(ctx, "domain_id") === primaryId(ctx))
    throw new FakeApiError(403, [
      {
        code: "operation_not_allowed_on_primary_domain",
        message: "primary domain",
        long_message: "The primary domain cannot be changed or deleted here.",
        meta: {},
      },
    ]);
  return findRecord(ctx.store.domains, param(ctx, "domain_id"), "Domain");
}

function assertNameFree(ctx: HandlerContext, name: string, self?: string): void {
  if (name === PRIMARY_NAME) throw duplicateRecord(`a domain named ${name}`);
  for (const domain of ctx.store.domains.values())
    if (domain.id !== self && domain.name === name) throw duplicateRecord(`a domain named ${name}`);
}

function add(ctx: HandlerContext) {
  const body = validateBody(ctx.body, {
    name: { type: "string", required: true, format: hostFormat },
    is_satellite: { type: "boolean", required: true },
    proxy_url: { type: "string", nullable: true, format: urlFormat },
  });
  if (body["is_satellite"] !== true)
    throw formatInvalid("is_satellite", "must be true: only satellite domains can be added");
  assertNameFree(ctx, body["name"] as string);
  const now = ctx.now();
  const domain: DomainRecord = {
    id: clerkId("dmn"),
    seq: ctx.nextSeq(),
    name: body["name"] as string,
    is_satellite: true,
    proxy_url: (body["proxy_url"] as string | null | undefined) ?? null,
    created_at: now,
    updated_at: now,
  };
  ctx.store.domains.set(domain.id, domain);
  return render(domain);
}

function update(ctx: HandlerContext) {
  const domain = findSatellite(ctx);
  const body = validateBody(ctx.body, {
    name: { type: "string", nullable: true, format: hostFormat },
    proxy_url: { type: "string", nullable: true, format: urlFormat },
    is_secondary: { type: "boolean", nullable: true },
  });
  if (typeof body["name"] === "string") {
    assertNameFree(ctx, body["name"], domain.id);
    domain.name = body["name"];
  }
  if ("proxy_url" in body) domain.proxy_url = (body["proxy_url"] as string | null) ?? null;
  domain.updated_at = ctx.now();
  return render(domain);
}

function remove(ctx: HandlerContext) {
  const domain = findSatellite(ctx);
  ctx.store.domains.delete(domain.id);
  return deletedObject("domain", domain.id);
}

function list(ctx: HandlerContext) {
  const all = [primary(ctx), ...ctx.store.domains.values()].map(render);
  return { data: all, total_count: all.length };
}

export const domainHandlers: Handlers = {
  ListDomains: list,
  AddDomain: add,
  UpdateDomain: update,
  DeleteDomain: remove,
};
