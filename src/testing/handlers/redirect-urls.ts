// Redirect URLs: the allowed redirect targets (mobile deep links, OAuth callbacks).
import { param, type HandlerContext, type Handlers } from "../context.js";
import { duplicateRecord } from "../errors.js";
import { clerkId } from "../ids.js";
import { page, queryBool } from "../listing.js";
import type { RedirectUrlRecord } from "../records.js";
import { validateBody } from "../validate.js";
import { deletedObject, findRecord, withoutSeq } from "./find-record.js";

const render = (record: RedirectUrlRecord) => ({ object: "redirect_url", ...withoutSeq(record) });

/** A URL with a scheme ("https://…", "myapp://callback"). */
const urlFormat = (value: string): string | undefined =>
  /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value) ? undefined : "must be a URL with a scheme";

function create(ctx: HandlerContext) {
  const body = validateBody(ctx.body, { url: { type: "string", required: true, format: urlFormat } });
  const url = body["url"] as string;
  for (const record of ctx.store.redirectUrls.values())
    if (record.url === url) throw duplicateRecord(`a redirect URL ${url}`);
  const now = ctx.now();
  const record: RedirectUrlRecord = { id: clerkId("ru"), seq: ctx.nextSeq(), url, created_at: now, updated_at: now };
  ctx.store.redirectUrls.set(record.id, record);
  return render(record);
}

function list(ctx: HandlerContext) {
  const all = [...ctx.store.redirectUrls.values()].map(render);
  const paged = page(all, ctx.query);
  return queryBool(ctx.query, "paginated") ? { data: paged, total_count: all.length } : paged;
}

function remove(ctx: HandlerContext) {
  const record = findRecord(ctx.store.redirectUrls, param(ctx, "id"), "Redirect URL");
  ctx.store.redirectUrls.delete(record.id);
  return deletedObject("redirect_url", record.id);
}

export const redirectUrlHandlers: Handlers = {
  ListRedirectURLs: list,
  CreateRedirectURL: create,
  GetRedirectURL: (ctx) => render(findRecord(ctx.store.redirectUrls, param(ctx, "id"), "Redirect URL")),
  DeleteRedirectURL: remove,
};
