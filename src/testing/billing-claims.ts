// The billing claims of a session token, as Clerk adds them when billing is on: `pla` lists
// the plans ("u:free_user,o:pro") and `fea` the features ("o:invoices,u:exports") of the user
// and of the active organization. Organization features already in `fea` for permissions
// keep their place (their order is `o.fpm`'s); a feature only a plan brings is appended with
// an empty permission mask, so `o.fpm` stays aligned.
import type { JWTPayload } from "jose";
import type { HandlerContext } from "./context.js";
import { plansOf } from "./handlers/billing.js";

export function withBillingClaims(
  ctx: HandlerContext,
  userId: string,
  orgId: string | undefined,
  claims: JWTPayload,
): JWTPayload {
  if (ctx.store.billingPlans.size === 0) return claims;
  const userPlans = plansOf(ctx, userId, "user");
  const orgPlans = orgId ? plansOf(ctx, orgId, "org") : [];
  const pla = [...userPlans.map((p) => `u:${p.slug}`), ...orgPlans.map((p) => `o:${p.slug}`)];
  const fea = typeof claims["fea"] === "string" && claims["fea"] !== "" ? claims["fea"].split(",") : [];
  const o = claims["o"] as Record<string, unknown> | undefined;
  const fpm = typeof o?.["fpm"] === "string" ? o["fpm"].split(",") : undefined;
  for (const feature of orgPlans.flatMap((p) => p.features)) {
    if (fea.includes(`o:${feature}`)) continue;
    fea.push(`o:${feature}`);
    fpm?.push("0");
  }
  for (const feature of userPlans.flatMap((p) => p.features))
    if (!fea.includes(`u:${feature}`)) fea.push(`u:${feature}`);
  return {
    ...claims,
    ...(fea.length > 0 ? { fea: fea.join(",") } : {}),
    ...(pla.length > 0 ? { pla: pla.join(",") } : {}),
    ...(o && fpm ? { o: { ...o, fpm: fpm.join(",") } } : {}),
  };
}
