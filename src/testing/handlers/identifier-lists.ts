// The allowlist and the blocklist: identifiers (email address, phone number, web3 wallet)
// that may or may not sign up. Create, list, delete.
import { param, type Handler, type HandlerContext, type Handlers } from "../context.js";
import { duplicateRecord, formatInvalid, notFound } from "../errors.js";
import { clerkId } from "../ids.js";
import { listAnswer, page } from "../listing.js";
import type { ListIdentifierRecord } from "../store.js";
import { validateBody } from "../validate.js";

type Which = "allowlist" | "blocklist";

function identifierType(identifier: string): ListIdentifierRecord["identifier_type"] {
  if (identifier.includes("@")) return "email_address";
  if (/^\+[1-9]\d{6,14}$/.test(identifier)) return "phone_number";
  if (/^0x[0-9a-fA-F]{40}$/.test(identifier)) return "web3_wallet";
  throw formatInvalid(
    "identifier",
    "must be an email address, a domain (*@example.com), a phone number or a web3 wallet",
  );
}

function render(which: Which, ctx: HandlerContext, record: ListIdentifierRecord): Record<string, unknown> {
  const { seq: _seq, ...fields } = record;
  return { object: `${which}_identifier`, ...fields, instance_id: ctx.store.instanceId };
}

function handlers(which: Which, prefix: string): { create: Handler; list: Handler; remove: Handler } {
  const table = (ctx: HandlerContext) => ctx.store[which];
  return {
    create(ctx) {
      const body = validateBody(ctx.body, {
        identifier: { type: "string", required: true },
        notify: { type: "boolean" },
      });
      const identifier = body["identifier"] as string;
      const type = identifierType(identifier);
      for (const record of table(ctx).values()) {
        if (record.identifier.toLowerCase() === identifier.toLowerCase())
          throw duplicateRecord(`${identifier} on the ${which}`);
      }
      const now = ctx.now();
      const record: ListIdentifierRecord = {
        id: clerkId(prefix),
        seq: ctx.nextSeq(),
        identifier,
        identifier_type: type,
        created_at: now,
        updated_at: now,
      };
      table(ctx).set(record.id, record);
      return render(which, ctx, record);
    },
    list(ctx) {
      const records = [...table(ctx).values()];
      const renderOne = (record: ListIdentifierRecord) => render(which, ctx, record);
      // The spec answers the allowlist as a bare array (or { data, total_count } when asked with
      // paginated=true) and the blocklist always as { data, total_count }.
      if (which === "allowlist") return listAnswer(records, ctx.query, renderOne);
      return { data: page(records, ctx.query).map(renderOne), total_count: records.length };
    },
    remove(ctx) {
      const id = param(ctx, "identifier_id");
      if (!table(ctx).delete(id)) throw notFound(`${which} identifier`);
      return { object: `${which}_identifier`, id, deleted: true };
    },
  };
}

const allow = handlers("allowlist", "alid");
const block = handlers("blocklist", "blid");

export const identifierListHandlers: Handlers = {
  CreateAllowlistIdentifier: allow.create,
  ListAllowlistIdentifiers: allow.list,
  DeleteAllowlistIdentifier: allow.remove,
  CreateBlocklistIdentifier: block.create,
  ListBlocklistIdentifiers: block.list,
  DeleteBlocklistIdentifier: block.remove,
};
